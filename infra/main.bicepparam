using 'main.bicep'

// The site list is data, shared with the application: only registryName and sites are read here
// (registry.json may also carry a settings object for the app, which the infrastructure ignores).
param registryName = loadJsonContent('registry.json', '$.registryName')
param sites = loadJsonContent('registry.json', '$.sites')

// Landing isolation: 'container' (one container per site in a shared account) or 'account'.
param landingMode = 'container'

// Application (client) ID of the API app registration (README: "App registration").
param apiAuthentication = {
  clientId: readEnvironmentVariable('SPINEMETS_API_CLIENT_ID')
}

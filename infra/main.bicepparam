using 'main.bicep'

// The site list is data, shared with the application: only registryName and sites are read here
// (registry.json may also carry a settings object for the app, which the infrastructure ignores).
param registryName = loadJsonContent('registry.json', '$.registryName')
param sites = loadJsonContent('registry.json', '$.sites')

// Landing isolation: 'container' (one container per site in a shared account, the default) or
// 'account' (one storage account per site). Any other value is a compile error.
param landingMode = readEnvironmentVariable('SPINEMETS_LANDING_MODE', 'container')

// Application (client) ID of the API app registration (README: "App registration"). Required.
param apiAuthentication = {
  clientId: readEnvironmentVariable('SPINEMETS_API_CLIENT_ID')
}

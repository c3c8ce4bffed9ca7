using 'main.bicep'

// The site list is data, shared with the application: registryName, sites and the one app setting
// the Functions host itself must resolve (the follow-up sweep's timer schedule) are read here; the
// rest of registry.json's settings object is the application's own.
param registryName = loadJsonContent('registry.json', '$.registryName')
param sites = loadJsonContent('registry.json', '$.sites')
param followUpSweepSchedule = loadJsonContent('registry.json', '$.settings.followUpSweepSchedule')

// Landing isolation: 'container' (one container per site in a shared account, the default) or
// 'account' (one storage account per site). Any other value is a compile error.
param landingMode = readEnvironmentVariable('SPINEMETS_LANDING_MODE', 'container')

// Application (client) ID of the API app registration (README: "App registration"). Required.
param apiAuthentication = {
  clientId: readEnvironmentVariable('SPINEMETS_API_CLIENT_ID')
}

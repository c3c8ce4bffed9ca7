metadata name = 'SpineMetsRegistry'
metadata description = 'The whole registry in one resource group: landing storage isolated per site (container or account mode), central storage no site can reach, Event Grid into the ingest queue, a Flex Consumption .NET 10 function app with identity-based connections and Entra ID authentication, and Log Analytics auditing of every storage account.'

targetScope = 'resourceGroup'

import {
  apiAuthenticationType
  appSettingsType
  functionAppOptionsType
  isSiteCode
  landingModeType
  networkingOptionsType
  retentionOptionsType
  roleGuids
  siteContainerName
  siteType
  storageAccountName
  tagsType
} from 'modules/types.bicep'
import { appCentralCondition } from 'modules/abac.bicep'

// ---------------------------------------------------------------------------------------------
// Parameters
// ---------------------------------------------------------------------------------------------

@description('Required. Short lower-case registry name (infra/registry.json registryName); part of every resource name.')
@minLength(3)
@maxLength(10)
param registryName string

@description('Required. The participating sites (infra/registry.json sites). Onboarding a site = add an entry and redeploy.')
@minLength(1)
param sites siteType[]

@description('Optional. When the daily follow-up sweep runs: the six-field NCRONTAB expression of infra/registry.json settings.followUpSweepSchedule (UTC), which the local host reads too. The Functions timer reads it from the FollowUpSweepSchedule app setting.')
param followUpSweepSchedule string = '0 0 6 * * *'

@description('Optional. Landing isolation: container (one container per site in a shared account) or account (one storage account per site).')
param landingMode landingModeType = 'container'

@description('Optional. Region for every resource. Must offer the Flex Consumption plan.')
param location string = resourceGroup().location

@description('Required. Entra app registration that protects the HTTP API (App Service Authentication).')
param apiAuthentication apiAuthenticationType

@description('Optional. Private endpoints and virtual network integration. Off by default.')
param networking networkingOptionsType = {
  privateEndpointsEnabled: false
}

@description('Optional. Soft delete, raw-upload immutability and log retention.')
param retention retentionOptionsType = {
  blobSoftDeleteDays: 30
  containerSoftDeleteDays: 30
  rawImmutabilityDays: 3650
  logRetentionDays: 90
}

@description('Optional. Flex Consumption scale limits.')
param functionAppOptions functionAppOptionsType = {
  maximumInstanceCount: 100
  instanceMemoryMB: 2048
}

@description('Optional. Tags applied to every resource.')
param tags tagsType = {}

// ---------------------------------------------------------------------------------------------
// Validation: fail() stops the deployment before anything is created.
// ---------------------------------------------------------------------------------------------

var siteCodes = map(sites, site => site.code)
var invalidSiteCodes = filter(siteCodes, code => !isSiteCode(code))
var duplicateSiteCodes = filter(siteCodes, code => length(filter(siteCodes, other => toUpper(other) == toUpper(code))) > 1)
var invalidRegistryName = !empty(filter(range(0, length(registryName)), i => !contains('abcdefghijklmnopqrstuvwxyz0123456789', substring(registryName, i, 1))))
var privateEndpointSubnetMissing = networking.privateEndpointsEnabled && empty(networking.?privateEndpointSubnetResourceId ?? '')
var functionAppSubnetMissing = networking.privateEndpointsEnabled && empty(networking.?functionAppSubnetResourceId ?? '')
var landingIpRangesWithoutPrivateEndpoints = !networking.privateEndpointsEnabled && !empty(networking.?landingAllowedIpRanges ?? [])

var validatedSites = invalidRegistryName
  ? fail('registryName \'${registryName}\' must be 3-10 lower-case letters and digits')
  : !empty(invalidSiteCodes)
      ? fail('Site codes must match ^S[0-9]{2,3}$; invalid: ${join(invalidSiteCodes, ', ')}')
      : !empty(duplicateSiteCodes)
          ? fail('Site codes must be unique; repeated: ${join(union(duplicateSiteCodes, duplicateSiteCodes), ', ')}')
          : sites

var validatedNetworking = privateEndpointSubnetMissing
  ? fail('networking.privateEndpointsEnabled requires networking.privateEndpointSubnetResourceId')
  : functionAppSubnetMissing
      ? fail('networking.privateEndpointsEnabled requires networking.functionAppSubnetResourceId (a subnet delegated to Microsoft.App/environments): without it the function app cannot reach its private storage')
      : landingIpRangesWithoutPrivateEndpoints
          ? fail('networking.landingAllowedIpRanges needs private endpoints: the Flex Consumption app has no fixed outbound address, so a landing firewall would lock it out')
          : networking

// ---------------------------------------------------------------------------------------------
// Names and fixed vocabulary (shared with the application; see README "Infrastructure (Bicep)")
// ---------------------------------------------------------------------------------------------

var suffix = uniqueString(resourceGroup().id, registryName)
var centralAccountName = storageAccountName(registryName, 'core', suffix)
var storageSuffix = environment().suffixes.storage
var ingestQueueName = 'ingest-events'
// The Durable Functions task hub: host.json names it '%TaskHubName%', this app setting gives it,
// and the local host's engine uses the same name (TaskHubNames.Default in the Pipeline project).
// Fixed, so renaming the app never orphans instances.
var taskHubName = 'spinemetshub'
var rawContainerName = 'raw'
var deadLetterContainerName = 'eventgrid-deadletter'
var deploymentContainerName = 'app-package'
// The application's tables (RegistryTables.All; Durable Functions keeps workflow state in its own
// task hub tables, created by the runtime). The Infra tests fail when the two lists differ.
var registryTables = [
  'ledger'
  'enrollments'
  'visits'
  'recordversions'
  'withdrawals'
  'schedule'
  'scheduleindex'
  'schedulereviews'
  'aggregates'
  'audit'
  'auditkeys'
  'reminderlog'
]

// container mode: one shared account holds every site container; account mode: one account per site.
var landingAccounts = landingMode == 'container'
  ? [
      {
        name: storageAccountName(registryName, 'land', suffix)
        sites: validatedSites
      }
    ]
  : map(validatedSites, site => {
      name: storageAccountName(registryName, site.code, suffix)
      sites: [
        site
      ]
    })

var privateEndpointSubnetResourceId = validatedNetworking.privateEndpointsEnabled
  ? validatedNetworking.?privateEndpointSubnetResourceId
  : null

// ---------------------------------------------------------------------------------------------
// Identity and monitoring
// ---------------------------------------------------------------------------------------------

// User-assigned, so every role assignment exists before the app's first start.
resource appIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: 'id-${registryName}-func-${suffix}'
  location: location
  tags: tags
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    logAnalyticsWorkspaceName: 'log-${registryName}-${suffix}'
    applicationInsightsName: 'appi-${registryName}-${suffix}'
    location: location
    tags: tags
    retentionInDays: retention.logRetentionDays
    telemetryPublisherPrincipalId: appIdentity.properties.principalId
    telemetryPublisherNameSeed: appIdentity.id
  }
}

// ---------------------------------------------------------------------------------------------
// Central storage: the Functions host store, the raw/quarantine/staging areas, the ingest queue
// and the registry tables. No site principal holds any role on it.
// ---------------------------------------------------------------------------------------------

module central 'modules/storageAccount.bicep' = {
  name: 'central-storage'
  params: {
    name: centralAccountName
    location: location
    tags: tags
    blobSoftDeleteDays: retention.blobSoftDeleteDays
    containerSoftDeleteDays: retention.containerSoftDeleteDays
    containers: [
      {
        // Bytes just received, held until the de-identification gate decides raw or quarantine.
        name: 'intake'
      }
      {
        name: rawContainerName
        immutabilityDays: retention.rawImmutabilityDays
      }
      {
        name: 'quarantine'
      }
      {
        name: 'staging'
      }
      {
        name: deadLetterContainerName
      }
      {
        name: deploymentContainerName
      }
    ]
    queues: [
      ingestQueueName
    ]
    tables: registryTables
    logAnalyticsWorkspaceResourceId: monitoring.outputs.logAnalyticsWorkspaceResourceId
    publicNetworkRestriction: validatedNetworking.privateEndpointsEnabled ? { allowedIpRanges: [] } : null
    privateEndpointSubnetResourceId: privateEndpointSubnetResourceId
    privateEndpointServices: [
      'blob'
      'queue'
      'table'
    ]
    privateDnsZoneResourceIds: validatedNetworking.?privateDnsZoneResourceIds ?? {}
    roleAssignments: [
      {
        // Storage Blob Data Owner is the documented minimum for the Functions host store; the
        // condition keeps every delete and immutability change out of raw/.
        roleDefinitionGuid: roleGuids.storageBlobDataOwner
        principalId: appIdentity.properties.principalId
        principalType: 'ServicePrincipal'
        nameSeed: appIdentity.id
        condition: appCentralCondition(rawContainerName)
        description: 'Registry function app: host store, raw (no delete), quarantine, staging, deployment package.'
      }
      {
        // The ingest queue, the Durable Functions task hub queues and the host's own queues.
        roleDefinitionGuid: roleGuids.storageQueueDataContributor
        principalId: appIdentity.properties.principalId
        principalType: 'ServicePrincipal'
        nameSeed: appIdentity.id
        description: 'Registry function app: ingest queue and Durable Functions task hub queues.'
      }
      {
        // Registry tables plus the Durable Functions task hub tables (created by the runtime).
        roleDefinitionGuid: roleGuids.storageTableDataContributor
        principalId: appIdentity.properties.principalId
        principalType: 'ServicePrincipal'
        nameSeed: appIdentity.id
        description: 'Registry function app: registry tables and Durable Functions task hub tables.'
      }
    ]
  }
}

// ---------------------------------------------------------------------------------------------
// Landing storage, site containers and upload events
// ---------------------------------------------------------------------------------------------

module landing 'modules/landingAccount.bicep' = [
  for account in landingAccounts: {
    name: 'landing-${account.name}'
    params: {
      name: account.name
      location: location
      tags: tags
      sites: account.sites
      blobSoftDeleteDays: retention.blobSoftDeleteDays
      containerSoftDeleteDays: retention.containerSoftDeleteDays
      logAnalyticsWorkspaceResourceId: monitoring.outputs.logAnalyticsWorkspaceResourceId
      appPrincipalId: appIdentity.properties.principalId
      appPrincipalNameSeed: appIdentity.id
      centralStorageAccountName: centralAccountName
      ingestQueueName: ingestQueueName
      deadLetterContainerName: deadLetterContainerName
      allowedIpRanges: validatedNetworking.privateEndpointsEnabled && !empty(validatedNetworking.?landingAllowedIpRanges ?? [])
        ? validatedNetworking.?landingAllowedIpRanges
        : null
      privateEndpointSubnetResourceId: privateEndpointSubnetResourceId
      privateDnsZoneResourceIds: validatedNetworking.?privateDnsZoneResourceIds ?? {}
    }
    dependsOn: [
      // The topic's role assignments and subscription target the central queue and containers.
      central
    ]
  }
]

// ---------------------------------------------------------------------------------------------
// Function app
// ---------------------------------------------------------------------------------------------

func blobServiceUri(accountName string, storageSuffix string) string => 'https://${accountName}.blob.${storageSuffix}/'

var centralStorageSettings = {
  AzureWebJobsStorage__blobServiceUri: blobServiceUri(centralAccountName, storageSuffix)
  AzureWebJobsStorage__queueServiceUri: 'https://${centralAccountName}.queue.${storageSuffix}/'
  AzureWebJobsStorage__tableServiceUri: 'https://${centralAccountName}.table.${storageSuffix}/'
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: appIdentity.properties.clientId
  Registry__Storage__CentralBlobServiceUri: blobServiceUri(centralAccountName, storageSuffix)
  Registry__Storage__CentralQueueServiceUri: 'https://${centralAccountName}.queue.${storageSuffix}/'
  Registry__Storage__CentralTableServiceUri: 'https://${centralAccountName}.table.${storageSuffix}/'
  Registry__Storage__ManagedIdentityClientId: appIdentity.properties.clientId
  Registry__Storage__LandingMode: landingMode
  // Not a secret: key-based ingestion is disabled on the component (DisableLocalAuth), so the
  // connection string only names the endpoint; telemetry authenticates as the managed identity.
  APPLICATIONINSIGHTS_CONNECTION_STRING: monitoring.outputs.applicationInsightsConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${appIdentity.properties.clientId};Authorization=AAD'
  // Resolved by the Functions host itself (host.json's %TaskHubName%, the timer's
  // %FollowUpSweepSchedule%), so they are app settings rather than registry.json reads.
  TaskHubName: taskHubName
  FollowUpSweepSchedule: followUpSweepSchedule
}

var landingSettings = landingMode == 'container'
  ? {
      Registry__Storage__LandingBlobServiceUri: blobServiceUri(landingAccounts[0].name, storageSuffix)
    }
  : toObject(
      landingAccounts,
      account => 'Registry__Storage__SiteLandingBlobServiceUris__${account.sites[0].code}',
      account => blobServiceUri(account.name, storageSuffix)
    )

var appSettings appSettingsType = union(centralStorageSettings, landingSettings)

module functionApp 'modules/functionApp.bicep' = {
  name: 'function-app'
  params: {
    name: 'func-${registryName}-${suffix}'
    planName: 'asp-${registryName}-${suffix}'
    location: location
    tags: tags
    userAssignedIdentityResourceId: appIdentity.id
    deploymentContainerUrl: '${blobServiceUri(centralAccountName, storageSuffix)}${deploymentContainerName}'
    appSettings: appSettings
    authentication: apiAuthentication
    scale: functionAppOptions
    virtualNetworkSubnetResourceId: validatedNetworking.privateEndpointsEnabled
      ? validatedNetworking.?functionAppSubnetResourceId
      : null
    logAnalyticsWorkspaceResourceId: monitoring.outputs.logAnalyticsWorkspaceResourceId
  }
  dependsOn: [
    // Start the app only once its storage, queue, containers and role assignments exist.
    central
    landing
  ]
}

// ---------------------------------------------------------------------------------------------
// App roles (Microsoft Graph objects: applied by the operator, see README)
// ---------------------------------------------------------------------------------------------

func appRole(clientId string, value string, displayName string, description string) appRoleType => {
  allowedMemberTypes: [
    'User'
    'Application'
  ]
  description: description
  displayName: displayName
  id: guid(clientId, value)
  isEnabled: true
  value: value
}

var appRoles = concat(
  [
    appRole(apiAuthentication.clientId, 'Registry.Committee', 'Steering committee', 'Reads pooled, small-cell-suppressed aggregates across all sites.')
    appRole(apiAuthentication.clientId, 'Registry.Operator', 'Registry operator', 'Operates the registry: batch status, ledger and reprocessing across sites.')
  ],
  map(validatedSites, site => appRole(apiAuthentication.clientId, 'Registry.Site.${site.code}', 'Site ${site.code}', 'Member of ${site.displayName}: that site\'s own batches, reports and reminders only.'))
)

@description('An Entra application role, in the shape Microsoft Graph expects in the appRoles collection.')
type appRoleType = {
  @description('Required. Who may hold the role.')
  allowedMemberTypes: ('User' | 'Application')[]

  @description('Required. Consent and admin description.')
  description: string

  @description('Required. Display name.')
  displayName: string

  @description('Required. Stable role ID (guid of client ID and value).')
  id: string

  @description('Required. Whether the role can be assigned.')
  isEnabled: bool

  @description('Required. Value carried in the token\'s roles claim.')
  value: string
}

@description('Where one site lands its uploads.')
type siteLandingOutputType = {
  @description('Required. Site code.')
  code: string

  @description('Required. Landing storage account.')
  storageAccountName: string

  @description('Required. Container (site-<code lower-case>).')
  containerName: string

  @description('Required. Container URL the site uploads to under incoming/.')
  containerUrl: string

  @description('Required. App role value for the site\'s users.')
  appRole: string
}

// ---------------------------------------------------------------------------------------------
// Outputs
// ---------------------------------------------------------------------------------------------

@description('The function app name.')
output name string = functionApp.outputs.name

@description('The function app resource ID.')
output resourceId string = functionApp.outputs.resourceId

@description('The function app\'s host name (the HTTP API).')
output defaultHostName string = functionApp.outputs.defaultHostName

@description('Principal ID of the function app\'s managed identity.')
output principalId string = appIdentity.properties.principalId

@description('Client ID of the function app\'s managed identity.')
output managedIdentityClientId string = appIdentity.properties.clientId

@description('The central storage account name.')
output centralStorageAccountName string = central.outputs.name

@description('The central storage account resource ID.')
output centralStorageAccountResourceId string = central.outputs.resourceId

@description('The landing mode that was deployed.')
output landingMode string = landingMode

@description('Per site: the account and container it uploads to, and the app role its users need.')
output siteLandings siteLandingOutputType[] = [
  for site in validatedSites: {
    code: site.code
    storageAccountName: landingMode == 'container' ? landingAccounts[0].name : storageAccountName(registryName, site.code, suffix)
    containerName: siteContainerName(site.code)
    containerUrl: '${blobServiceUri(landingMode == 'container' ? landingAccounts[0].name : storageAccountName(registryName, site.code, suffix), storageSuffix)}${siteContainerName(site.code)}'
    appRole: 'Registry.Site.${site.code}'
  }
]

@description('The appRoles collection for the API app registration: save it as approles.json and run `az ad app update --id <clientId> --app-roles @approles.json`.')
output appRoles appRoleType[] = appRoles

metadata name = 'Registry function app'
metadata description = 'Flex Consumption plan and a .NET 10 isolated function app that runs as a user-assigned managed identity, deploys its package from blob storage with that identity, keeps no secret in its settings, disables basic publishing credentials, and requires Entra ID for every HTTP request (App Service Authentication, 401 for anonymous calls).'

import { apiAuthenticationType, appSettingsType, functionAppOptionsType, tagsType } from 'types.bicep'

@description('Required. Function app name (global DNS name).')
param name string

@description('Required. Flex Consumption plan name.')
param planName string

@description('Required. Azure region.')
param location string

@description('Optional. Tags applied to the plan and the app.')
param tags tagsType = {}

@description('Required. Resource ID of the user-assigned identity the app runs as.')
param userAssignedIdentityResourceId string

@description('Required. Blob container URL that holds the deployment package (https://<account>.blob.<suffix>/<container>).')
param deploymentContainerUrl string

@description('Required. Application settings. Identity-based connection settings only: the tests reject anything that looks like a key or SAS.')
param appSettings appSettingsType

@description('Required. App Service Authentication (Entra ID) for the HTTP API.')
param authentication apiAuthenticationType

@description('Required. Scale settings.')
param scale functionAppOptionsType

@description('Optional. Subnet (delegated to Microsoft.App/environments) for virtual network integration; null for none.')
param virtualNetworkSubnetResourceId string?

@description('Required. Log Analytics workspace for FunctionAppLogs.')
param logAnalyticsWorkspaceResourceId string

var tenantId = authentication.?tenantId ?? tenant().tenantId
var allowedAudiences = union(
  [
    'api://${authentication.clientId}'
    authentication.clientId
  ],
  authentication.?additionalAllowedAudiences ?? []
)

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2025-03-01' = {
  name: name
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${userAssignedIdentityResourceId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientCertEnabled: false
    virtualNetworkSubnetId: virtualNetworkSubnetResourceId
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      appSettings: map(items(appSettings), setting => {
        name: setting.key
        value: setting.value
      })
    }
    // Flex Consumption: the runtime lives here, not in FUNCTIONS_WORKER_RUNTIME /
    // FUNCTIONS_EXTENSION_VERSION app settings (both are deprecated on this plan).
    functionAppConfig: {
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
      deployment: {
        storage: {
          type: 'blobContainer'
          value: deploymentContainerUrl
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: userAssignedIdentityResourceId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: scale.maximumInstanceCount
        instanceMemoryMB: scale.instanceMemoryMB
      }
    }
  }
}

// Publishing goes through Entra ID only.
resource ftpPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: site
  name: 'scm'
  properties: {
    allow: false
  }
}

resource authSettings 'Microsoft.Web/sites/config@2025-03-01' = {
  parent: site
  name: 'authsettingsV2'
  properties: {
    platform: {
      enabled: true
    }
    globalValidation: {
      requireAuthentication: true
      // An API answers 401, never a login redirect.
      unauthenticatedClientAction: 'Return401'
      // Liveness probes need no token; the health answer carries no registry data.
      excludedPaths: [
        '/api/health'
      ]
    }
    httpSettings: {
      requireHttps: true
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          clientId: authentication.clientId
          openIdIssuer: '${environment().authentication.loginEndpoint}${tenantId}/v2.0'
        }
        validation: {
          allowedAudiences: allowedAudiences
        }
      }
    }
    login: {
      tokenStore: {
        enabled: false
      }
    }
  }
}

#disable-next-line use-recent-api-versions
resource appDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'function-logs-to-log-analytics'
  scope: site
  properties: {
    workspaceId: logAnalyticsWorkspaceResourceId
    logs: [
      {
        category: 'FunctionAppLogs'
        enabled: true
      }
    ]
  }
}

@description('The function app name.')
output name string = site.name

@description('The function app resource ID.')
output resourceId string = site.id

@description('The app\'s default host name.')
output defaultHostName string = site.properties.defaultHostName

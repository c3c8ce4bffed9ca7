metadata name = 'Monitoring'
metadata description = 'Log Analytics workspace (the audit sink of every storage account) and a workspace-based Application Insights component that accepts Entra-authenticated telemetry only.'

import { tagsType, roleGuids } from 'types.bicep'

@description('Required. Log Analytics workspace name.')
param logAnalyticsWorkspaceName string

@description('Required. Application Insights component name.')
param applicationInsightsName string

@description('Required. Azure region.')
param location string

@description('Optional. Tags applied to both resources.')
param tags tagsType = {}

@description('Required. Days the workspace keeps logs (the storage access audit trail).')
@minValue(30)
@maxValue(730)
param retentionInDays int

@description('Required. Principal that publishes telemetry (the function app\'s managed identity); it gets Monitoring Metrics Publisher on the component.')
param telemetryPublisherPrincipalId string

@description('Required. Stable seed for the publisher\'s role assignment name (its identity resource ID).')
param telemetryPublisherNameSeed string

resource workspace 'Microsoft.OperationalInsights/workspaces@2025-07-01' = {
  name: logAnalyticsWorkspaceName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
    features: {
      disableLocalAuth: true
      enableLogAccessUsingOnlyResourcePermissions: true
    }
  }
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: applicationInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    // Instrumentation-key ingestion is off: the app authenticates with its managed identity.
    DisableLocalAuth: true
    IngestionMode: 'LogAnalytics'
  }
}

resource telemetryPublisher 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(applicationInsights.id, telemetryPublisherNameSeed, roleGuids.monitoringMetricsPublisher)
  scope: applicationInsights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleGuids.monitoringMetricsPublisher)
    principalId: telemetryPublisherPrincipalId
    principalType: 'ServicePrincipal'
    description: 'The registry function app sends telemetry with Entra authentication.'
  }
}

@description('The workspace resource ID.')
output logAnalyticsWorkspaceResourceId string = workspace.id

@description('The Application Insights resource ID.')
output applicationInsightsResourceId string = applicationInsights.id

@description('The Application Insights connection string. Not a secret: local (key) ingestion is disabled, so it only says where to send Entra-authenticated telemetry.')
output applicationInsightsConnectionString string = applicationInsights.properties.ConnectionString

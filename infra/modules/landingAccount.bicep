metadata name = 'Landing storage account'
metadata description = 'One landing storage account with the site containers it holds (all sites in container mode, exactly one in account mode), each site\'s container-scoped role assignment, the function app\'s conditioned access, and the Event Grid topic that forwards uploads to the central ingest queue.'

import { siteType, tagsType, roleGuids, privateDnsZoneIdsType } from 'types.bicep'
import { appLandingCondition } from 'abac.bicep'

@description('Required. Landing storage account name.')
@minLength(3)
@maxLength(24)
param name string

@description('Required. Azure region.')
param location string

@description('Optional. Tags applied to every resource.')
param tags tagsType = {}

@description('Required. Sites whose containers live in this account.')
@minLength(1)
param sites siteType[]

@description('Required. Days a deleted blob or blob version stays recoverable.')
param blobSoftDeleteDays int

@description('Required. Days a deleted container stays recoverable.')
param containerSoftDeleteDays int

@description('Required. Log Analytics workspace for the storage and Event Grid audit logs.')
param logAnalyticsWorkspaceResourceId string

@description('Required. Principal ID of the function app\'s managed identity.')
param appPrincipalId string

@description('Required. Stable seed for the app\'s role assignment name (its identity resource ID).')
param appPrincipalNameSeed string

@description('Required. Central storage account that holds the ingest queue and the dead-letter container.')
param centralStorageAccountName string

@description('Required. Ingest queue in the central account.')
param ingestQueueName string

@description('Required. Dead-letter container in the central account.')
param deadLetterContainerName string

@description('Optional. Public IPv4 ranges allowed to reach the account; null leaves the public endpoint open to any network (Entra authentication still required).')
param allowedIpRanges string[]?

@description('Optional. Subnet for a blob private endpoint; null creates none.')
param privateEndpointSubnetResourceId string?

@description('Optional. Private DNS zones for the endpoint.')
param privateDnsZoneResourceIds privateDnsZoneIdsType = {}

module account 'storageAccount.bicep' = {
  name: '${deployment().name}-account'
  params: {
    name: name
    location: location
    tags: tags
    blobSoftDeleteDays: blobSoftDeleteDays
    containerSoftDeleteDays: containerSoftDeleteDays
    logAnalyticsWorkspaceResourceId: logAnalyticsWorkspaceResourceId
    publicNetworkRestriction: allowedIpRanges == null ? null : { allowedIpRanges: allowedIpRanges! }
    privateEndpointSubnetResourceId: privateEndpointSubnetResourceId
    privateEndpointServices: [
      'blob'
    ]
    privateDnsZoneResourceIds: privateDnsZoneResourceIds
    roleAssignments: [
      {
        // The registry reads every upload and writes back only reports/ and reminders/.
        roleDefinitionGuid: roleGuids.storageBlobDataContributor
        principalId: appPrincipalId
        principalType: 'ServicePrincipal'
        nameSeed: appPrincipalNameSeed
        condition: appLandingCondition()
        description: 'Registry function app: read site uploads, write reports/ and reminders/ of site-* containers.'
      }
    ]
  }
}

module siteContainers 'siteLanding.bicep' = [
  for site in sites: {
    name: '${deployment().name}-${toLower(site.code)}'
    params: {
      // The plain name, not account.outputs.name: a deployment-time value keeps What-If precise.
      storageAccountName: name
      site: site
    }
    dependsOn: [
      account
    ]
  }
]

module events 'landingEvents.bicep' = {
  name: '${deployment().name}-events'
  params: {
    landingStorageAccountName: name
    systemTopicName: 'evgt-${name}'
    location: location
    tags: tags
    centralStorageAccountName: centralStorageAccountName
    ingestQueueName: ingestQueueName
    deadLetterContainerName: deadLetterContainerName
    logAnalyticsWorkspaceResourceId: logAnalyticsWorkspaceResourceId
  }
  dependsOn: [
    account
  ]
}

@description('The landing account name.')
output name string = account.outputs.name

@description('The landing account resource ID.')
output resourceId string = account.outputs.resourceId

@description('The landing blob service endpoint.')
output blobServiceUri string = account.outputs.blobServiceUri

@description('The site containers in this account.')
output containers siteContainerOutputType[] = [
  for (site, i) in sites: {
    siteCode: site.code
    name: siteContainers[i].outputs.name
    resourceId: siteContainers[i].outputs.resourceId
  }
]

@description('The Event Grid system topic\'s managed identity.')
output eventGridPrincipalId string = events.outputs.principalId

@description('A site container created by this module.')
type siteContainerOutputType = {
  @description('Required. Site code.')
  siteCode: string

  @description('Required. Container name.')
  name: string

  @description('Required. Container resource ID.')
  resourceId: string
}

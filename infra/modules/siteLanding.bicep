metadata name = 'Site landing container'
metadata description = 'One site\'s landing container (site-<code>) in an existing landing account, and the site principal\'s only role assignment: Storage Blob Data Contributor scoped to that container and narrowed by an ABAC condition.'

import { siteType, siteContainerName, roleGuids } from 'types.bicep'
import { siteLandingCondition } from 'abac.bicep'

@description('Required. Name of the landing storage account that holds the container (the shared landing account, or the site\'s own account).')
param storageAccountName string

@description('Required. The site, as listed in infra/registry.json.')
param site siteType

var containerName = siteContainerName(site.code)

resource account 'Microsoft.Storage/storageAccounts@2025-08-01' existing = {
  name: storageAccountName

  resource blobService 'blobServices' existing = {
    name: 'default'
  }
}

resource container 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-08-01' = {
  parent: account::blobService
  name: containerName
  properties: {
    publicAccess: 'None'
    metadata: {
      sitecode: site.code
    }
  }
}

// The site principal's one and only role assignment. Its scope is the container, never the
// account: a second site's container is outside it even before the condition is evaluated.
resource siteUploader 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(container.id, site.principalObjectId, roleGuids.storageBlobDataContributor)
  scope: container
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleGuids.storageBlobDataContributor)
    principalId: site.principalObjectId
    principalType: site.principalType
    description: 'Site ${site.code}: write under incoming/, read under reports/ and reminders/ of ${containerName} only.'
    condition: siteLandingCondition(containerName)
    conditionVersion: '2.0'
  }
}

@description('The container name (site-<code lower-case>).')
output name string = container.name

@description('The container resource ID (the scope of the site\'s role assignment).')
output resourceId string = container.id

@description('The site role assignment resource ID.')
output roleAssignmentResourceId string = siteUploader.id

<#ftl output_format="plainText">
${msg("orgErasureCompletedIntro", organizationName, memberCount, completedAt)}

${msg("orgErasureCompletedErased")}
- ${msg("orgErasureCompletedIdentities", membersErased)}
<#list appCategories as row>
- ${row.category}: ${row.count}
</#list>
- ${msg("orgErasureCompletedFiles", filesDeleted)}
<#if filesFailed gt 0>
- ${msg("orgErasureCompletedFilesFailed", filesFailed)}
</#if>

<#if membersKept gt 0>
${msg("orgErasureCompletedKept", membersKept)}

</#if>
${msg("orgErasureCompletedRetention")}<#if requesterErased> ${msg("orgErasureCompletedYourAccount")}</#if>

${msg("orgErasureCompletedReference", requestId)}

${msg("orgErasureCompletedReceipt")}
${receiptLink}

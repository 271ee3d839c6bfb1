<#ftl output_format="plainText">
${msg("orgErasureCompletedIntro", organizationName, memberCount, completedAt)}

${msg("orgErasureCompletedPolicy" + memberPolicy)}

${msg("orgErasureCompletedErased")}
- ${msg("orgErasureCompletedIdentities", membersErased)}
<#list appCategories as row>
- ${row.category}: ${row.count}<#if row.reset> ${msg("orgErasureCompletedReset")}</#if>
</#list>
- ${msg("orgErasureCompletedFiles", filesDeleted)}
<#if filesFailed gt 0>
- ${msg("orgErasureCompletedFilesFailed", filesFailed)}
</#if>

<#if memberPolicy == "DETACH">
${msg("orgErasureCompletedDetached", membersDetached)}

</#if>
<#if membersKept gt 0>
${msg("orgErasureCompletedKept", membersKept)}

</#if>
${msg("orgErasureCompletedRetention")}<#if requesterErased> ${msg("orgErasureCompletedYourAccount")}</#if>

${msg("orgErasureCompletedReference", requestId)}

${msg("orgErasureCompletedReceipt")}
${receiptLink}

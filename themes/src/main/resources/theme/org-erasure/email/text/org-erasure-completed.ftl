<#ftl output_format="plainText">
${msg("orgErasureCompletedIntro", organizationName, memberCount, completedAt)}

${msg("orgErasureCompletedErased")}
- ${msg("orgErasureCompletedIdentities", memberCount)}
<#list appCategories as row>
- ${row.category}: ${row.count}
</#list>
- ${msg("orgErasureCompletedFiles", filesDeleted)}
<#if filesFailed gt 0>
- ${msg("orgErasureCompletedFilesFailed", filesFailed)}
</#if>

${msg("orgErasureCompletedRetention")}<#if requesterErased> ${msg("orgErasureCompletedYourAccount")}</#if>

${msg("orgErasureCompletedReference", requestId)}

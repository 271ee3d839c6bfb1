<#import "template.ftl" as layout>
<@layout.emailLayout>
<p>${msg("orgErasureCompletedIntro", organizationName, memberCount, completedAt)}</p>
<p>${msg("orgErasureCompletedPolicy" + memberPolicy)}</p>
<p>${msg("orgErasureCompletedErased")}</p>
<ul>
  <li>${msg("orgErasureCompletedIdentities", membersErased)}</li>
  <#list appCategories as row>
  <li>${row.category}: ${row.count}<#if row.reset> ${msg("orgErasureCompletedReset")}</#if></li>
  </#list>
  <li>${msg("orgErasureCompletedFiles", filesDeleted)}</li>
  <#if filesFailed gt 0>
  <li>${msg("orgErasureCompletedFilesFailed", filesFailed)}</li>
  </#if>
</ul>
<#if memberPolicy == "DETACH">
<p>${msg("orgErasureCompletedDetached", membersDetached)}</p>
</#if>
<#if membersKept gt 0>
<p>${msg("orgErasureCompletedKept", membersKept)}</p>
</#if>
<p>${msg("orgErasureCompletedRetention")}<#if requesterErased> ${msg("orgErasureCompletedYourAccount")}</#if></p>
<p>${msg("orgErasureCompletedReference", requestId)}</p>
<p>${msg("orgErasureCompletedReceipt")} <a href="${receiptLink}">${msg("orgErasureCompletedReceiptLink")}</a></p>
</@layout.emailLayout>

<#import "template.ftl" as layout>
<@layout.emailLayout>
<p>${msg("orgErasureScheduledIntro", organizationName, memberCount)}</p>
<p>${msg("orgErasureScheduledWhen", graceEndsAt)}</p>
<p>${msg("orgErasureScheduledCancel")} <a href="${cancelLink}">${msg("orgErasureScheduledCancelLink")}</a></p>
<p>${msg("orgErasureScheduledReference", requestId)}</p>
</@layout.emailLayout>

<#ftl output_format="plainText">
${msg("orgErasureScheduledIntro", organizationName, memberCount)}

${msg("orgErasureScheduledWhen", graceEndsAt)}

${msg("orgErasureScheduledCancel")}
${cancelLink}

${msg("orgErasureScheduledReference", requestId)}

<#import "template.ftl" as layout>
<#import "buttons.ftl" as buttons>
<@layout.registrationLayout; section>
  <#if section = "header">
    ${msg("orgErasureErrorHeader")}
  <#elseif section = "form">
    <form action="${url.loginAction}" class="${properties.kcFormClass!}" id="org-erasure-error" method="post">
      <@buttons.actionGroup>
        <@buttons.button id="org-erasure-back" name="cancel-aia" label="orgErasureBack" type="secondary"/>
      </@buttons.actionGroup>
    </form>
  </#if>
</@layout.registrationLayout>

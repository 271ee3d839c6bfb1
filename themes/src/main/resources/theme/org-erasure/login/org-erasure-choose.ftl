<#import "template.ftl" as layout>
<#import "buttons.ftl" as buttons>
<@layout.registrationLayout; section>
  <#if section = "header">
    ${msg("orgErasureChooseHeader")}
  <#elseif section = "form">
    <form action="${url.loginAction}" class="${properties.kcFormClass!}" id="org-erasure-choose-form" method="post">
      <input type="hidden" name="step" value="choose"/>
      <p>${msg("orgErasureChooseText")}</p>
      <div class="${properties.kcFormGroupClass!}" role="radiogroup">
        <#list organizations as organization>
          <div class="pf-v5-c-radio">
            <input class="pf-v5-c-radio__input" type="radio" name="organization" id="organization-${organization?index}" value="${organization.id}" <#if organization?is_first>checked</#if>/>
            <label class="pf-v5-c-radio__label" for="organization-${organization?index}">${msg("orgErasureChooseOption", organization.name, organization.memberCount)}</label>
          </div>
        </#list>
      </div>
      <@buttons.actionGroup>
        <@buttons.button id="org-erasure-continue" label="orgErasureContinue"/>
        <@buttons.button id="org-erasure-cancel" name="cancel-aia" label="doCancel" type="secondary"/>
      </@buttons.actionGroup>
    </form>
  </#if>
</@layout.registrationLayout>

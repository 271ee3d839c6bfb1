<#import "template.ftl" as layout>
<#import "buttons.ftl" as buttons>
<#import "field.ftl" as field>
<@layout.registrationLayout; section>
  <#if section = "header">
    ${msg("orgErasureConfirmHeader", organization.name)}
  <#elseif section = "form">
    <form action="${url.loginAction}" class="${properties.kcFormClass!}" id="org-erasure-form" method="post">
      <input type="hidden" name="organization" value="${organization.id}"/>

      <div class="${properties.kcAlertClass!} pf-m-danger">
        <span class="${properties.kcAlertTitleClass!}">${msg("orgErasureIrreversible")}</span>
      </div>

      <p>${msg("orgErasureWhatHappens", organization.name, organization.memberCount)}</p>

      <table class="pf-v5-c-table pf-m-compact" role="grid" id="org-erasure-inventory">
        <thead class="pf-v5-c-table__thead">
          <tr class="pf-v5-c-table__tr">
            <th class="pf-v5-c-table__th">${msg("orgErasureCategory")}</th>
            <th class="pf-v5-c-table__th pf-m-fit-content">${msg("orgErasureCount")}</th>
            <th class="pf-v5-c-table__th">${msg("orgErasureUnderErase")}</th>
            <th class="pf-v5-c-table__th">${msg("orgErasureUnderDetach")}</th>
          </tr>
        </thead>
        <tbody class="pf-v5-c-table__tbody">
          <tr class="pf-v5-c-table__tr"><td class="pf-v5-c-table__td">${msg("orgErasureIdentities")}</td><td class="pf-v5-c-table__td">${inventory.membersErased}</td><td class="pf-v5-c-table__td">${msg("orgErasureDeleted")}</td><td class="pf-v5-c-table__td" id="org-erasure-detach-accounts">${msg("orgErasureDetachAccounts", inventory.membersDetached, inventory.managedErasedUnderDetach)}</td></tr>
          <tr class="pf-v5-c-table__tr"><td class="pf-v5-c-table__td">${msg("orgErasureOrganisationItself")}</td><td class="pf-v5-c-table__td">1</td><td class="pf-v5-c-table__td">${msg("orgErasureDeleted")}</td><td class="pf-v5-c-table__td">${msg("orgErasureDeleted")}</td></tr>
          <#list inventory.appData as row>
          <tr class="pf-v5-c-table__tr"><td class="pf-v5-c-table__td">${row.category}</td><td class="pf-v5-c-table__td">${row.count}</td><td class="pf-v5-c-table__td">${msg("orgErasureDeleted")}</td><td class="pf-v5-c-table__td">${msg(row.resetUnderDetach?then("orgErasureKeptReset", "orgErasureDeleted"))}</td></tr>
          </#list>
          <#if inventory.files??>
          <tr class="pf-v5-c-table__tr"><td class="pf-v5-c-table__td">${msg("orgErasureFiles", inventory.bytes)}</td><td class="pf-v5-c-table__td">${inventory.files}</td><td class="pf-v5-c-table__td">${msg("orgErasureDeleted")}</td><td class="pf-v5-c-table__td">${msg("orgErasureDeleted")}</td></tr>
          </#if>
        </tbody>
      </table>
      <#if (inventory.keptInOtherTenants > 0)>
        <p id="org-erasure-kept-other-tenants">${msg("orgErasureKeptOtherTenants", inventory.keptInOtherTenants)}</p>
      </#if>
      <#if (inventory.keptAsAdministrators > 0)>
        <p id="org-erasure-kept-administrators">${msg("orgErasureKeptAdministrators", inventory.keptAsAdministrators)}</p>
      </#if>
      <#if inventory.unavailable??>
        <p class="${properties.kcInputHelperTextItemTextClass!}">${msg("orgErasureCountsUnavailable", inventory.unavailable)}</p>
      </#if>

      <fieldset class="${properties.kcFormGroupClass!}" id="org-erasure-policy-group">
        <legend class="${properties.kcLabelClass!}">${msg("orgErasurePolicyLabel")}</legend>
        <div class="pf-v5-c-radio">
          <input class="pf-v5-c-radio__input" type="radio" id="org-erasure-policy-erase" name="memberPolicy" value="ERASE" checked/>
          <label class="pf-v5-c-radio__label" for="org-erasure-policy-erase">${msg("orgErasurePolicyErase")}</label>
        </div>
        <div class="pf-v5-c-radio">
          <input class="pf-v5-c-radio__input" type="radio" id="org-erasure-policy-detach" name="memberPolicy" value="DETACH"/>
          <label class="pf-v5-c-radio__label" for="org-erasure-policy-detach">${msg("orgErasurePolicyDetach")}</label>
        </div>
      </fieldset>

      <div class="${properties.kcFormGroupClass!}" id="org-erasure-grace-group">
        <label for="org-erasure-grace" class="${properties.kcLabelClass!}">${msg("orgErasureGraceLabel")}</label>
        <div class="org-erasure-grace-inputs">
          <span class="${properties.kcInputClass!}"><input id="org-erasure-grace" name="gracePeriod" type="number" min="0" step="any"/></span>
          <span class="${properties.kcInputClass!}">
            <select id="org-erasure-grace-unit" name="gracePeriodUnit" aria-label="${msg("orgErasureGraceUnit")}">
              <option value="hours">${msg("orgErasureGraceHours")}</option>
              <option value="days">${msg("orgErasureGraceDays")}</option>
            </select>
          </span>
        </div>
        <p class="${properties.kcInputHelperTextItemTextClass!}">${msg("orgErasureGraceHelp")}</p>
      </div>

      <@field.input name="confirmation" label=msg("orgErasureConfirmLabel", organization.name) autofocus=true/>

      <@buttons.actionGroup>
        <@buttons.button id="org-erasure-submit" label="orgErasureDoErase" type="danger"/>
        <@buttons.button id="org-erasure-cancel" name="cancel-aia" label="doCancel" type="secondary"/>
      </@buttons.actionGroup>
    </form>
  </#if>
</@layout.registrationLayout>

<#-- The slave's federation page (seed steps 2-3): the federations held, each with a button that ends it, and the
     form that starts one with a master. Every form carries the page's single-use token. -->
<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=false; section>
  <#if section = "header">
    ${msg("ucdFederationPageTitle")}
  <#elseif section = "form">
    <p id="ucd-federation-signed-in">${msg("ucdFederationSignedInAs", username)}</p>
    <#if federations?has_content>
      <h2>${msg("ucdFederationYours")}</h2>
      <ul id="federations">
        <#list federations as f>
          <li>
            <form class="end" method="post" action="${endUrl}">
              <span class="ucd-federation">${msg("ucdFederationWith", f.account, f.masterName)}</span>
              <input type="hidden" name="master" value="${f.alias}">
              <input type="hidden" name="formToken" value="${formToken}">
              <button type="submit" class="${properties.kcButtonClass!} ${properties.kcButtonDefaultClass!}">${msg("ucdFederationEnd")}</button>
            </form>
          </li>
        </#list>
      </ul>
    </#if>
    <#if masters?has_content>
      <h2>${msg("ucdFederationNew")}</h2>
      <form id="federate" class="${properties.kcFormClass!}" method="post" action="${federateUrl}">
        <div class="${properties.kcFormGroupClass!}">
          <label for="master" class="${properties.kcLabelClass!}">${msg("ucdFederationMaster")}</label>
          <select id="master" name="master" class="${properties.kcInputClass!}">
            <#list masters as m>
              <option value="${m.alias}"<#if m.alias == selected> selected</#if>>${m.displayName}</option>
            </#list>
          </select>
        </div>
        <div class="${properties.kcFormGroupClass!}">
          <label for="masterAccount" class="${properties.kcLabelClass!}">${msg("ucdFederationMasterAccount")}</label>
          <input id="masterAccount" name="masterAccount" class="${properties.kcInputClass!}" required maxlength="255"
                 autocomplete="off">
        </div>
        <input type="hidden" name="formToken" value="${formToken}">
        <div id="kc-form-buttons" class="${properties.kcFormButtonsClass!}">
          <button type="submit" class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!} ${properties.kcButtonLargeClass!}">${msg("ucdFederationFederate")}</button>
        </div>
      </form>
    <#else>
      <p id="ucd-federation-no-masters">${msg("ucdFederationNoMasters")}</p>
    </#if>
    <p><a id="ucd-account" href="${accountUrl}">${msg("ucdFederationToAccount")}</a></p>
  </#if>
</@layout.registrationLayout>

#!/usr/bin/env bash
# Sets up an existing realm for organisation erasure with Keycloak's own admin CLI (docs/operating.md,
# "Deploying to an existing Keycloak and Open Liberty"): our themes and Organizations, the
# erasure-service's client with its role request-erasure, the dispatcher client whose service account
# holds that role, and the org admin's required action. Run it once per realm, after logging kcadm in:
#
#   kcadm.sh config credentials --server https://keycloak.example --realm master --user admin
#   ERASURE_SERVICE_CLIENT_SECRET=... keycloak-extension/realm-setup/setup-realm.sh my-realm
#
# KCADM: the admin CLI (default: kcadm.sh on the PATH). KCADM_CONFIG: its config file, if not the
# default. ERASURE_SERVICE_CLIENT_SECRET: the secret the erasure-service reports back with (its
# ERASURE_KEYCLOAK_CLIENT_SECRET). ERASURE_DISPATCHER_CLIENT_SECRET: optional; random if unset (only
# Keycloak itself uses it).
set -euo pipefail

realm="${1:?usage: setup-realm.sh REALM}"
: "${ERASURE_SERVICE_CLIENT_SECRET:?set ERASURE_SERVICE_CLIENT_SECRET}"
dispatcher_secret="${ERASURE_DISPATCHER_CLIENT_SECRET:-$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')}"
here="$(cd "$(dirname "$0")" && pwd)"
kcadm="${KCADM:-kcadm.sh}"
config=()
if [ -n "${KCADM_CONFIG:-}" ]; then
  config=(--config "$KCADM_CONFIG")
fi

kc() {
  "$kcadm" "$@" "${config[@]}"
}

echo "Realm $realm: themes and Organizations"
kc update "realms/$realm" -f "$here/realm.json"

echo "Realm $realm: clients erasure-service and org-erasure-dispatcher"
kc create clients -r "$realm" -f "$here/erasure-service-client.json" \
  -s "secret=$ERASURE_SERVICE_CLIENT_SECRET"
kc create clients -r "$realm" -f "$here/dispatcher-client.json" -s "secret=$dispatcher_secret"

echo "Realm $realm: role request-erasure, held by the dispatcher's service account"
service_id="$(kc get clients -r "$realm" -q clientId=erasure-service --fields id --format csv --noquotes)"
kc create "clients/$service_id/roles" -r "$realm" -s name=request-erasure
kc add-roles -r "$realm" --uusername service-account-org-erasure-dispatcher \
  --cclientid erasure-service --rolename request-erasure

echo "Realm $realm: the org admin's required action"
kc create authentication/register-required-action -r "$realm" \
  -s providerId=org-erasure -s "name=Erase my organisation"

echo "Realm $realm is set up for organisation erasure."

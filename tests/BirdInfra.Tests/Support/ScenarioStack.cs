namespace BirdInfra.Tests.Support;

/// <summary>The contact-center scenario of shared/scenario.md as a stack aimed at a test emulator.</summary>
public static class ScenarioStack
{
    public const string Yaml = """
        target:
          endpoint: {{endpoint}}
          organizationId: { env: BIRD_ORGANIZATION_ID }
          workspaceId: { env: BIRD_WORKSPACE_ID }
          accessKey: { env: BIRD_ACCESS_KEY }

        accessPolicies:
          contact-center:
            name: ucx-contact-center
            description: WhatsApp contact center
            definitions:
              - effect: allow
                actions: [create]
                resources:
                  - /workspaces/*/channels/*/messages
                  - /workspaces/*/verify
                  - /organizations/${organizationId}/workspaces/*/webhook-subscriptions
              - effect: allow
                actions: [view]
                resources:
                  - /workspaces/*/channels/*
                  - /organizations/${organizationId}/workspaces/*/webhook-subscriptions
              - effect: allow
                actions: [delete]
                resources:
                  - /organizations/${organizationId}/workspaces/*/webhook-subscriptions/*

        accessRoles:
          contact-center:
            name: ucx-contact-center
            description: Holds the contact-center policy
            policies: [contact-center]

        accessKeys:
          contact-center:
            name: ucx-contact-center
            description: Used by the contact center
            roles: [contact-center]

        connectors:
          main-number:
            name: ACME WhatsApp +31612345678
            wabaId: "102290129340398"
            phoneId: "106540352242922"
            phoneNumber: "+31612345678"
            accessToken: { env: WHATSAPP_ACCESS_TOKEN }

        webhookSubscriptions:
          channel-created:
            event: channel.created
            url: https://contact-center.example.com/bird/channels
            signingKey: { env: BIRD_WEBHOOK_SIGNING_KEY }
          main-inbound:
            event: whatsapp.inbound
            url: https://contact-center.example.com/bird/whatsapp
            channel: main-number
            signingKey: { env: BIRD_WEBHOOK_SIGNING_KEY }
          main-outbound:
            event: whatsapp.outbound
            url: https://contact-center.example.com/bird/whatsapp
            channel: main-number
            signingKey: { generate: true }
        """;
}

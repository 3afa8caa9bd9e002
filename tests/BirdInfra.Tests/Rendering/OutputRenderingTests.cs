using System.Collections.Immutable;
using System.Text.Json;
using BirdInfra.Outputs;
using BirdInfra.Providers.Expressions;
using BirdInfra.Providers.Kinds;
using BirdInfra.Providers.Properties;
using BirdInfra.Rendering;
using BirdInfra.State;
using BirdInfra.Tests.Support;

namespace BirdInfra.Tests.Rendering;

/// <summary>`birdinfra output` from one state holding every kind with outputs, an imported key without a token and a deposed subscription.</summary>
public sealed class OutputRenderingTests
{
    private const string Token = "tok-known-output-token-3c9e";

    [Fact]
    public void Outputs_AreTheDeclaredNames_InRankOrderOfTheKinds()
    {
        StateOutputs.Declared(GoldenKinds.Five).Select(o => o.Name)
            .Should().Equal("accessKeyIds", "accessKeyTokens", "connectorIds", "channelIds", "webhookSubscriptionIds");
        StateOutputs.Collect(SampleState(), BirdKinds.Default).Select(o => o.Name)
            .Should().Equal(StateOutputs.Declared(BirdKinds.Default).Select(o => o.Name));
    }

    [Fact]
    public void Outputs_OfEveryRegisteredKind_ArePrinted_AndTheFiveGoldenKindsKeepTheirOrder()
    {
        var declared = StateOutputs.Declared(BirdKinds.Default).Select(o => o.Name).ToArray();
        var text = OutputTextRenderer.Render(StateOutputs.Collect(SampleState(), BirdKinds.Default), showSecrets: false);

        declared.Should().OnlyHaveUniqueItems();
        declared.Where(GoldenKinds.FiveOutputNames.Contains).Should().Equal(GoldenKinds.FiveOutputNames);
        text.Split(Environment.NewLine).Where(l => l.Length > 0 && !l.StartsWith(' ')).Select(l => l[..l.IndexOf(':', StringComparison.Ordinal)])
            .Should().Equal(declared, "every registered kind's outputs are printed, in order");
    }

    [Fact]
    public void TextOutput_MatchesGoldenFile_WithTheTokenMasked()
    {
        var text = OutputTextRenderer.Render(Collect(), showSecrets: false);
        Golden.Match(text, "Rendering", "Golden", "output.txt");
        text.Should().NotContain(Token);
    }

    [Fact]
    public void JsonOutput_MatchesGoldenFile_WithTheTokenMaskedAndAMissingTokenNull()
    {
        var json = OutputJsonRenderer.Render(Collect(), showSecrets: false);
        Golden.Match(json, "Rendering", "Golden", "output.json");
        json.Should().NotContain(Token);
        var tokens = JsonDocument.Parse(json).RootElement.GetProperty("accessKeyTokens");
        tokens.GetProperty("contact-center").GetString().Should().Be("[secret]");
        tokens.GetProperty("imported").ValueKind.Should().Be(JsonValueKind.Null, "a token state lacks is null, never an empty string");
    }

    [Fact]
    public void ShowSecrets_PrintsTheToken_AndAKeyWithoutOneAsUnknown()
    {
        var tokens = Collect().Single(o => o.Name == "accessKeyTokens");

        OutputTextRenderer.RenderOne(tokens, showSecrets: true).Should().Be(
            $"contact-center: {Token}\nimported: (unknown: created outside BirdInfra)\n".Replace("\n", Environment.NewLine, StringComparison.Ordinal));
        var json = JsonDocument.Parse(OutputJsonRenderer.RenderOne(tokens, showSecrets: true)).RootElement;
        json.GetProperty("contact-center").GetString().Should().Be(Token);
        json.GetProperty("imported").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Fact]
    public void OneOutput_IsOneNameValueLinePerResource_WithoutTheDeposedObject()
    {
        var subscriptions = Collect().Single(o => o.Name == "webhookSubscriptionIds");

        OutputTextRenderer.RenderOne(subscriptions, showSecrets: false).Should().Be(
            "channel-created: sub-2\nmain-inbound: sub-1\n".Replace("\n", Environment.NewLine, StringComparison.Ordinal));
    }

    [Fact]
    public void EmptyState_PrintsNoneForEveryOutput_AndEmptyJsonObjects()
    {
        var outputs = StateOutputs.Collect(StackState.Empty("dev"), BirdKinds.Default);

        OutputTextRenderer.Render(outputs, showSecrets: false).Should().Be(string.Concat(outputs.Select(o => $"{o.Name}: (none){Environment.NewLine}")));
        var json = JsonDocument.Parse(OutputJsonRenderer.Render(outputs, showSecrets: false)).RootElement;
        json.EnumerateObject().Should().HaveCount(StateOutputs.Declared(BirdKinds.Default).Length).And.OnlyContain(p => p.Value.ValueKind == JsonValueKind.Object && !p.Value.EnumerateObject().Any());
    }

    // The goldens were written for five kinds: rendered with exactly those, a new kind leaves them unchanged.
    private static ImmutableArray<StackOutputValues> Collect() => StateOutputs.Collect(SampleState(), GoldenKinds.Five);

    private static StackState SampleState()
    {
        static PropertyValue Text(string value) => PropertyValue.String(value);
        static StateResource Resource(string kind, string name, string id, PropertyMap outputs, bool deposed = false) =>
            new(new ResourceAddress(kind, name), id, PropertyMap.Empty, outputs, [], deposed);

        return StackState.Empty("dev") with
        {
            Resources =
            [
                Resource("AccessPolicy", "contact-center", "pol-1", PropertyMap.Empty.With("id", Text("pol-1"))),
                Resource("AccessKey", "imported", "key-2", PropertyMap.Empty.With("id", Text("key-2")).With("suffix", Text("9e"))),
                Resource("AccessKey", "contact-center", "key-1", PropertyMap.Empty.With("id", Text("key-1")).With("token", PropertyValue.SecretString(Token))),
                Resource("Connector", "main-number", "con-1", PropertyMap.Empty.With("id", Text("con-1")).With("channelId", Text("ch-1"))),
                Resource("Connector", "sales-number", "con-2", PropertyMap.Empty),
                Resource("WebhookSubscription", "main-inbound", "sub-0", PropertyMap.Empty.With("id", Text("sub-0")), deposed: true),
                Resource("WebhookSubscription", "main-inbound", "sub-1", PropertyMap.Empty.With("id", Text("sub-1"))),
                Resource("WebhookSubscription", "channel-created", "sub-2", PropertyMap.Empty.With("id", Text("sub-2"))),
            ],
        };
    }
}


namespace BirdInfra.Providers.Kinds;

/// <summary>
/// One Bird resource kind: its schema, input checks, diff rules and Bird API calls. Both engines
/// (the built-in one and the Pulumi plugin) drive kinds only through this contract.
/// Inputs and outputs are property maps; organization and workspace come from the context.
/// </summary>
public interface IResourceKind
{
    /// <summary>Short name, e.g. <c>AccessPolicy</c>.</summary>
    string Name { get; }

    /// <summary>Pulumi type token: the package's <c>index</c> module and the kind's name, e.g. <c>bird:index:AccessPolicy</c>.</summary>
    string TypeToken => $"bird:index:{Name}";

    KindSchema Schema { get; }

    /// <summary>The stack-file section that declares this kind; null for a kind only Pulumi programs use.</summary>
    StackSection? Stack => null;

    /// <summary>Validates and normalises inputs (defaults filled, set-like lists sorted). No I/O.</summary>
    CheckResult Check(PropertyMap inputs);

    /// <summary>
    /// Normalised inputs (what state holds) as a program writes them, for the inputs a Pulumi Read answers: <c>pulumi
    /// import</c> runs Check on those, so a normal form Check refuses as input goes back to how it is written. No I/O.
    /// </summary>
    PropertyMap AsWritten(PropertyMap inputs) => inputs;

    /// <summary>This kind as a target with <paramref name="options"/> uses it; most kinds have no option and return themselves.</summary>
    IResourceKind WithOptions(KindOptions options) => this;

    /// <summary>Compares the recorded state with new (checked) inputs. No I/O.</summary>
    DiffResult Diff(ResourceSnapshot old, PropertyMap newInputs);

    /// <summary>
    /// A key that identifies the object in Bird without its id, used to find an object whose create outcome was unknown
    /// (<see cref="Recovery.CreateRecovery"/>).
    /// </summary>
    string NaturalKey(PropertyMap inputs);

    /// <summary>
    /// What deleting (<paramref name="replacement"/> null) or replacing the object costs the people who use it, in words
    /// for a reviewer: a rotated token, a WhatsApp number that goes silent. Null when the change itself says it all.
    /// </summary>
    string? DestructiveConsequence(ResourceSnapshot current, PropertyMap? replacement) => null;

    /// <summary>Outputs Bird fills in after it answered a create (a connector's channel); null when the create answer has them all.</summary>
    ILateOutputs? LateOutputs => null;

    /// <summary>A check of the stack's declarations against Bird's live answers (run by preview and up); null when there is none.</summary>
    ILiveCheck? LiveCheck => null;

    /// <summary>What <c>drift</c> says of a live object of this kind no stack owns; null: its name, severity info.</summary>
    IBesideStack? Beside => null;

    /// <summary>The output by which another kind's inputs name an object of this kind: its id, or a connector's channel id.</summary>
    string ReferenceOutput => KindSchema.Id;

    /// <summary>How another kind's report names an object of this kind: its Bird-side name (a connector adds its number).</summary>
    string ReferredAs(ResourceSnapshot live) => BesideDescription.NameOf(live);

    /// <summary>How the kind's inputs carry access (Bird's IAM keys, roles and policies); null for a kind that grants none.</summary>
    AccessPart? Access => null;

    /// <summary>Every request this kind sends to Bird (what a deploy key must be allowed), for <c>doctor</c>'s probes.</summary>
    IReadOnlyList<BirdCall> Calls => [];

    Task<ResourceSnapshot> CreateAsync(ProviderContext context, PropertyMap inputs, CancellationToken cancellationToken);

    /// <summary>Reads one object; null when Bird no longer has it (404).</summary>
    Task<ResourceSnapshot?> ReadAsync(ProviderContext context, ResourceSnapshot known, CancellationToken cancellationToken);

    /// <summary>
    /// Every live object of this kind, read through the list endpoint in pages of 100. Properties Bird
    /// never returns (tokens, signing keys) are absent; <see cref="MergeLive"/> carries them over.
    /// </summary>
    Task<IReadOnlyList<ResourceSnapshot>> ListAsync(ProviderContext context, CancellationToken cancellationToken);

    /// <summary>
    /// Combines a listed live object with what state knows (secrets Bird does not echo); by default the live object, for
    /// a kind whose every input Bird returns.
    /// </summary>
    ResourceSnapshot MergeLive(ResourceSnapshot known, ResourceSnapshot live) => live;

    Task<ResourceSnapshot> UpdateAsync(ProviderContext context, ResourceSnapshot old, PropertyMap newInputs, CancellationToken cancellationToken);

    /// <summary>Deletes the object; an object already gone (404) counts as deleted.</summary>
    Task DeleteAsync(ProviderContext context, ResourceSnapshot old, CancellationToken cancellationToken);
}

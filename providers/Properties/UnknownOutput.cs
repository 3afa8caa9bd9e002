namespace BirdInfra.Providers.Properties;

/// <summary>
/// The output an unknown value stands for, e.g. the <c>id</c> of <c>AccessPolicy.contact-center</c> while that
/// policy is still to be created. The built-in engine tags its unknowns with it so apply can fill them in.
/// </summary>
public sealed record UnknownOutput(string Resource, string Output);

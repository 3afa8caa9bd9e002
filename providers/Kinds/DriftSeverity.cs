namespace BirdInfra.Providers.Kinds;

/// <summary>How much a finding matters to an auditor; ordered, so the highest of several is <c>Max</c>.</summary>
public enum DriftSeverity
{
    /// <summary>Worth knowing: a description, the deploy key, a policy or role beside the stack.</summary>
    Info,

    /// <summary>A managed object deleted, or traffic going elsewhere (URL, filters, status, a connector's number).</summary>
    Warning,

    /// <summary>An access key beside the stack, or a change that gives a key more access.</summary>
    Critical,
}

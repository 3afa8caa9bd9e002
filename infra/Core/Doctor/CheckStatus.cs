namespace BirdInfra.Doctor;

/// <summary>A doctor check's outcome; <see cref="Skip"/> is a check that does not apply here (TLS on a loopback emulator).</summary>
public enum CheckStatus
{
    Pass,
    Warn,
    Fail,
    Skip,
}

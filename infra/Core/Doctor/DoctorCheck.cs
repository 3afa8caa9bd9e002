namespace BirdInfra.Doctor;

/// <summary>One check of <c>doctor</c>: its name, outcome, what was found, and how to fix it (empty when nothing is to fix).</summary>
public sealed record DoctorCheck(string Name, CheckStatus Status, string Detail, string Fix = "");

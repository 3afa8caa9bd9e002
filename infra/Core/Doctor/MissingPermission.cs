namespace BirdInfra.Doctor;

/// <summary>A policy row a refused call needs: allow <see cref="Action"/> on <see cref="Resource"/>.</summary>
public sealed record MissingPermission(string Action, string Resource);

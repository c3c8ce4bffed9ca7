namespace SpineMetsRegistry.Domain.Dictionary;

/// <summary>A record type of the registry (enrollment, follow-up, withdrawal).</summary>
/// <param name="Code">The value of the record_type column.</param>
/// <param name="Label">Human label.</param>
/// <param name="Description">What one record of this type stands for.</param>
public sealed record RecordTypeDefinition(string Code, string Label, string Description);

using System.Collections.Frozen;

namespace SpineMetsRegistry.Domain.Dictionary;

/// <summary>
/// The registry's versioned data dictionary: the one source of truth for record types,
/// fields, code lists and record-level rules. Parsing, validation, storage, documentation
/// and the REDCap export all derive from it.
/// </summary>
public sealed class DataDictionary
{
    /// <summary>The field every row carries to say which record it is.</summary>
    public const string RecordTypeField = "record_type";

    /// <summary>The pseudonymous patient key.</summary>
    public const string StudyIdField = "study_id";

    private static readonly Lazy<DataDictionary> Embedded = new(DataDictionaryLoader.LoadEmbedded);

    private readonly FrozenDictionary<string, FieldDefinition> _fields;
    private readonly FrozenDictionary<string, RecordTypeDefinition> _recordTypes;
    private readonly FrozenDictionary<string, IReadOnlyList<FieldDefinition>> _fieldsByRecordType;
    private readonly FrozenDictionary<string, IReadOnlyList<DictionaryRule>> _rulesByRecordType;

    internal DataDictionary(
        string name,
        string version,
        IReadOnlyList<RecordTypeDefinition> recordTypes,
        IReadOnlyList<CodeList> codeLists,
        IReadOnlyList<FieldDefinition> fields,
        IReadOnlyList<DictionaryRule> rules)
    {
        Name = name;
        Version = version;
        RecordTypes = recordTypes;
        CodeLists = codeLists;
        Fields = fields;
        Rules = rules;
        _fields = fields.ToFrozenDictionary(f => f.Code, StringComparer.Ordinal);
        _recordTypes = recordTypes.ToFrozenDictionary(r => r.Code, StringComparer.Ordinal);

        // Validation asks these for every row: compute them once.
        _fieldsByRecordType = recordTypes.ToFrozenDictionary(
            r => r.Code, r => (IReadOnlyList<FieldDefinition>)fields.Where(f => f.AppliesTo(r.Code)).ToArray(), StringComparer.Ordinal);
        _rulesByRecordType = recordTypes.ToFrozenDictionary(
            r => r.Code, r => (IReadOnlyList<DictionaryRule>)rules.Where(x => x.RecordTypes.Contains(r.Code, StringComparer.Ordinal)).ToArray(), StringComparer.Ordinal);
    }

    /// <summary>The dictionary shipped with this build (embedded resource <c>data-dictionary.json</c>).</summary>
    public static DataDictionary Default => Embedded.Value;

    /// <summary>Dictionary name.</summary>
    public string Name { get; }

    /// <summary>Semantic version; recorded with every stored record and every report.</summary>
    public string Version { get; }

    /// <summary>Record types in order.</summary>
    public IReadOnlyList<RecordTypeDefinition> RecordTypes { get; }

    /// <summary>Code lists in order.</summary>
    public IReadOnlyList<CodeList> CodeLists { get; }

    /// <summary>Fields in order.</summary>
    public IReadOnlyList<FieldDefinition> Fields { get; }

    /// <summary>Record-level rules.</summary>
    public IReadOnlyList<DictionaryRule> Rules { get; }

    /// <summary>Finds a field by its exact code.</summary>
    public bool TryGetField(string code, out FieldDefinition field) => _fields.TryGetValue(code, out field!);

    /// <summary>Returns a field known to exist (a programming error otherwise).</summary>
    public FieldDefinition Field(string code) =>
        _fields.TryGetValue(code, out var field) ? field : throw new KeyNotFoundException($"The data dictionary has no field '{code}'.");

    /// <summary>Whether a record type code exists.</summary>
    public bool HasRecordType(string code) => _recordTypes.ContainsKey(code);

    /// <summary>The fields of one record type, in dictionary order.</summary>
    public IReadOnlyList<FieldDefinition> FieldsOf(string recordType) =>
        _fieldsByRecordType.TryGetValue(recordType, out var fields) ? fields : [];

    /// <summary>The rules of one record type.</summary>
    public IReadOnlyList<DictionaryRule> RulesOf(string recordType) =>
        _rulesByRecordType.TryGetValue(recordType, out var rules) ? rules : [];

    /// <summary>Loads a dictionary from JSON (for tests and for registries that extend the shipped one).</summary>
    public static DictionaryLoadResult Load(Stream json) => DataDictionaryLoader.Load(json);
}

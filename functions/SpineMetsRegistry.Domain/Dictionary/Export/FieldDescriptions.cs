using System.Globalization;

namespace SpineMetsRegistry.Domain.Dictionary.Export;

/// <summary>Plain-language renderings of field constraints shared by the exports.</summary>
internal static class FieldDescriptions
{
    public static string TypeName(FieldType type) => type switch
    {
        FieldType.Text => "text",
        FieldType.Integer => "integer",
        FieldType.Decimal => "decimal",
        FieldType.Date => "date",
        FieldType.Code => "code",
        FieldType.LevelList => "code list",
        FieldType.Boolean => "yes/no",
        FieldType.Age => "age",
        _ => type.ToString(),
    };

    public static string Allowed(FieldDefinition field)
    {
        var text = field.Type switch
        {
            FieldType.Integer or FieldType.Decimal => Range(field),
            FieldType.Age => string.Create(CultureInfo.InvariantCulture, $"{field.Min}-{field.Max} or \"{field.TopCode}\""),
            FieldType.Date => "YYYY-MM-DD, not after the upload day",
            FieldType.Code => CodesText(field.CodeList!),
            FieldType.LevelList => $"{CodesText(field.CodeList!)}; several separated by \";\"",
            FieldType.Boolean => "yes/no (1/0, true/false)",
            FieldType.Text => field.MaxLength is { } max ? string.Create(CultureInfo.InvariantCulture, $"up to {max} characters") : "text",
            _ => string.Empty,
        };
        if (field.Step is { } step)
        {
            text += string.Create(CultureInfo.InvariantCulture, $", multiples of {step}");
        }

        foreach (var conditional in field.MaxWhen)
        {
            text += string.Create(CultureInfo.InvariantCulture, $"; at most {conditional.Max} when {conditional.Condition.Field} is {string.Join(" or ", conditional.Condition.Values)}");
        }

        return text;
    }

    private static string Range(FieldDefinition field) => (field.Min, field.Max) switch
    {
        ({ } min, { } max) => string.Create(CultureInfo.InvariantCulture, $"{min}-{max}"),
        ({ } min, null) => string.Create(CultureInfo.InvariantCulture, $">= {min}"),
        (null, { } max) => string.Create(CultureInfo.InvariantCulture, $"<= {max}"),
        _ => "any",
    };

    private static string CodesText(CodeList list) =>
        list.Entries.Count <= 8 ? string.Join(", ", list.Entries.Select(e => e.Code)) : $"code list `{list.Name}`";

    public static string Requirement(FieldDefinition field, string recordType)
    {
        var requirement = field.Requirement;
        var level = requirement.ByRecordType.TryGetValue(recordType, out var byType) ? byType : requirement.Level;
        var text = Level(level);
        if (requirement.When is { } when && when.AppliesTo(recordType))
        {
            text += $" when {when.Field} is {string.Join(" or ", when.Values)}";
            if (requirement.Otherwise == RequirementLevel.Forbidden)
            {
                text += "; must be empty otherwise";
            }
        }

        if (requirement.WhenAnyPresent.Count > 0)
        {
            text += $" when any of {string.Join(", ", requirement.WhenAnyPresent)} is given";
        }

        if (requirement.Unless is { } unless)
        {
            text += $" unless {unless} is given";
        }

        return text;
    }

    public static string Level(RequirementLevel level) => level switch
    {
        RequirementLevel.Required => "required",
        RequirementLevel.Recommended => "recommended",
        RequirementLevel.Optional => "optional",
        RequirementLevel.Forbidden => "must be empty",
        _ => level.ToString(),
    };
}

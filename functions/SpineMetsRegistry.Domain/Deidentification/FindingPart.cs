namespace SpineMetsRegistry.Domain.Deidentification;

/// <summary>Which part of a cell an identifier finding was made in.</summary>
public enum FindingPart
{
    /// <summary>The column (header or field) name suggests the column holds identifiers.</summary>
    ColumnName,

    /// <summary>The cell value contains something shaped like an identifier.</summary>
    Value,

    /// <summary>The study ID itself looks like an identifier (see <see cref="StudyIdCheck"/>).</summary>
    StudyId,
}

using SpineMetsRegistry.Domain.Records;

namespace SpineMetsRegistry.Domain.Validation;

/// <summary>
/// What the checks across rows need from one valid record: its patient, row, kind and
/// key, and its dates. Nothing else of the row is kept.
/// </summary>
internal readonly record struct CrossRowEntry(
    string StudyId,
    int Row,
    RecordKind Kind,
    string Key,
    int? VisitDay,
    DateOnly? VisitDate,
    DateOnly? IndexDate,
    bool Deceased,
    int? DeathDay,
    DateOnly? DeathDate)
{
    public static CrossRowEntry From(RegistryRecord record) => new(
        record.StudyId,
        record.Row,
        record.Kind,
        record.RecordKey,
        record.GetInteger("visit_day") is { } visitDay ? checked((int)visitDay) : null,
        record.GetDate("visit_date"),
        record.GetDate("index_date"),
        record.GetString("vital_status") == "deceased",
        record.GetInteger("death_day") is { } deathDay ? checked((int)deathDay) : null,
        record.GetDate("death_date"));

    public void WriteTo(BinaryWriter writer)
    {
        writer.Write(StudyId);
        writer.Write(Row);
        writer.Write((byte)Kind);
        writer.Write(Key);
        writer.Write(Deceased);
        Write(writer, VisitDay);
        Write(writer, VisitDate?.DayNumber);
        Write(writer, IndexDate?.DayNumber);
        Write(writer, DeathDay);
        Write(writer, DeathDate?.DayNumber);
    }

    public static CrossRowEntry ReadFrom(BinaryReader reader)
    {
        var studyId = reader.ReadString();
        var row = reader.ReadInt32();
        var kind = (RecordKind)reader.ReadByte();
        var key = reader.ReadString();
        var deceased = reader.ReadBoolean();
        var visitDay = ReadInt(reader);
        var visitDate = ReadInt(reader) is { } v ? DateOnly.FromDayNumber(v) : (DateOnly?)null;
        var indexDate = ReadInt(reader) is { } i ? DateOnly.FromDayNumber(i) : (DateOnly?)null;
        var deathDay = ReadInt(reader);
        var deathDate = ReadInt(reader) is { } d ? DateOnly.FromDayNumber(d) : (DateOnly?)null;
        return new CrossRowEntry(studyId, row, kind, key, visitDay, visitDate, indexDate, deceased, deathDay, deathDate);
    }

    private static void Write(BinaryWriter writer, int? value)
    {
        writer.Write(value.HasValue);
        writer.Write(value ?? 0);
    }

    private static int? ReadInt(BinaryReader reader)
    {
        var has = reader.ReadBoolean();
        var value = reader.ReadInt32();
        return has ? value : null;
    }
}

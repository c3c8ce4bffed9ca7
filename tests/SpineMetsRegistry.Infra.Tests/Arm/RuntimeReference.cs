namespace SpineMetsRegistry.Infra.Tests.Arm;

/// <summary>
/// A value only Azure knows at deployment time: <c>reference(resourceId).path</c>, for example a
/// managed identity's principalId. Snapshots keep these as expressions; the tests compare which
/// resource and which property they point at.
/// </summary>
public sealed record RuntimeReference(string ResourceId, IReadOnlyList<string> Path)
{
    public RuntimeReference Member(string name) => this with { Path = [.. Path, name] };

    public bool PointsAt(string resourceId, params string[] path) =>
        string.Equals(ResourceId, resourceId, StringComparison.OrdinalIgnoreCase) && Path.SequenceEqual(path, StringComparer.OrdinalIgnoreCase);

    // Value equality over the path too (a record would compare the list by reference).
    public bool Equals(RuntimeReference? other) => other is not null && PointsAt(other.ResourceId, [.. other.Path]);

    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(ResourceId) ^ Path.Count;

    public override string ToString() => $"reference('{ResourceId}').{string.Join('.', Path)}";
}

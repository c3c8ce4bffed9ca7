namespace SpineMetsRegistry.Infra.Tests.Abac;

/// <summary>A parsed role-assignment condition (format version 2.0), evaluable against a request.</summary>
public abstract record AbacExpression
{
    public abstract bool Evaluate(BlobRequest request);
}

public sealed record AllOf(IReadOnlyList<AbacExpression> Operands) : AbacExpression
{
    public override bool Evaluate(BlobRequest request) => Operands.All(operand => operand.Evaluate(request));
}

public sealed record AnyOf(IReadOnlyList<AbacExpression> Operands) : AbacExpression
{
    public override bool Evaluate(BlobRequest request) => Operands.Any(operand => operand.Evaluate(request));
}

public sealed record Negation(AbacExpression Operand) : AbacExpression
{
    public override bool Evaluate(BlobRequest request) => !Operand.Evaluate(request);
}

public sealed record ActionMatches(string Action) : AbacExpression
{
    public override bool Evaluate(BlobRequest request) => string.Equals(Action, request.Action, StringComparison.OrdinalIgnoreCase);
}

public sealed record SubOperationMatches(string SubOperation) : AbacExpression
{
    public override bool Evaluate(BlobRequest request) => string.Equals(SubOperation, request.SubOperation, StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// <c>@Source[attribute] Operator 'value'</c>. An attribute the request does not carry makes the
/// comparison false, whatever the operator (so a missing path or prefix never grants access).
/// </summary>
public sealed record AttributeComparison(string Source, string Attribute, string Operator, string Value) : AbacExpression
{
    private const string ContainerName = "Microsoft.Storage/storageAccounts/blobServices/containers:name";
    private const string BlobPath = "Microsoft.Storage/storageAccounts/blobServices/containers/blobs:path";
    private const string ListPrefix = "Microsoft.Storage/storageAccounts/blobServices/containers/blobs:prefix";

    public override bool Evaluate(BlobRequest request)
    {
        var actual = (Source, Attribute) switch
        {
            ("Resource", ContainerName) => request.ContainerName,
            ("Resource", BlobPath) => request.BlobPath,
            ("Request", ListPrefix) => request.ListPrefix,
            _ => throw new NotSupportedException($"Attribute @{Source}[{Attribute}] is not modelled by the test evaluator."),
        };
        if (actual is null)
        {
            return false;
        }

        return Operator switch
        {
            "StringEquals" => string.Equals(actual, Value, StringComparison.Ordinal),
            "StringNotEquals" => !string.Equals(actual, Value, StringComparison.Ordinal),
            "StringEqualsIgnoreCase" => string.Equals(actual, Value, StringComparison.OrdinalIgnoreCase),
            "StringStartsWith" => actual.StartsWith(Value, StringComparison.Ordinal),
            "StringNotStartsWith" => !actual.StartsWith(Value, StringComparison.Ordinal),
            _ => throw new NotSupportedException($"Operator {Operator} is not modelled by the test evaluator."),
        };
    }
}

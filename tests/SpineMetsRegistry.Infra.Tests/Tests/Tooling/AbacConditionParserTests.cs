using SpineMetsRegistry.Infra.Tests.Abac;

namespace SpineMetsRegistry.Infra.Tests.Tests.Tooling;

/// <summary>The condition evaluator the isolation tests rely on decides like Azure does.</summary>
public sealed class AbacConditionParserTests
{
    // Read only under readonly/ of container "shared", list only with a readonly/ prefix.
    private const string ReadOrListUnderPrefix =
        "((!(ActionMatches{'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read'} AND NOT SubOperationMatches{'Blob.List'}))"
        + " OR (@Resource[Microsoft.Storage/storageAccounts/blobServices/containers:name] StringEquals 'shared'"
        + " AND @Resource[Microsoft.Storage/storageAccounts/blobServices/containers/blobs:path] StringStartsWith 'readonly/'))"
        + " AND ((!(ActionMatches{'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read'} AND SubOperationMatches{'Blob.List'}))"
        + " OR (@Resource[Microsoft.Storage/storageAccounts/blobServices/containers:name] StringEquals 'shared'"
        + " AND @Request[Microsoft.Storage/storageAccounts/blobServices/containers/blobs:prefix] StringStartsWith 'readonly/'))";

    public static TheoryData<string, bool> ReadOrListCases => new()
    {
        { "read shared/readonly/a.txt", true },
        { "read shared/other/a.txt", false },
        { "read other/readonly/a.txt", false },
        { "list shared readonly/", true },
        { "list shared (none)", false },
        { "list shared other/", false },
        { "write shared/other/a.txt", true },
    };

    [Theory]
    [MemberData(nameof(ReadOrListCases))]
    public void Evaluate_ReadOrListUnderPrefix_DecidesEachRequest(string request, bool expected)
    {
        var condition = AbacConditionParser.Parse(ReadOrListUnderPrefix);

        Assert.Equal(expected, condition.Evaluate(Request(request)));
    }

    [Fact]
    public void Parse_AndMixedWithOrAtOneLevel_IsRejected()
    {
        var mixed = "ActionMatches{'a'} AND ActionMatches{'b'} OR ActionMatches{'c'}";

        Assert.Throws<FormatException>(() => AbacConditionParser.Parse(mixed));
    }

    [Fact]
    public void Parse_SymbolicConnectives_MeanAndAndOr()
    {
        var condition = AbacConditionParser.Parse("(ActionMatches{'a'} || ActionMatches{'b'}) && !(SubOperationMatches{'Blob.List'})");

        Assert.True(condition.Evaluate(new BlobRequest("b", null, "c", "p", null)));
        Assert.False(condition.Evaluate(new BlobRequest("b", "Blob.List", "c", null, null)));
        Assert.False(condition.Evaluate(new BlobRequest("z", null, "c", "p", null)));
    }

    [Fact]
    public void Evaluate_AttributeTheRequestLacks_IsFalseEvenForNegativeOperators()
    {
        var condition = AbacConditionParser.Parse("@Resource[Microsoft.Storage/storageAccounts/blobServices/containers/blobs:path] StringNotEquals 'x'");

        Assert.False(condition.Evaluate(BlobRequest.List("c", "x")));
        Assert.True(condition.Evaluate(BlobRequest.Read("c", "y")));
    }

    [Fact]
    public void Evaluate_UnmodelledAttribute_Throws()
    {
        var condition = AbacConditionParser.Parse("@Environment[isPrivateLink] StringEquals 'true'");

        Assert.Throws<NotSupportedException>(() => condition.Evaluate(BlobRequest.Read("c", "p")));
    }

    [Fact]
    public void AccessCheck_ActionOutsideTheRole_IsDeniedWhateverTheCondition()
    {
        var alwaysTrue = AbacConditionParser.Parse("@Resource[Microsoft.Storage/storageAccounts/blobServices/containers:name] StringEquals 'c'");

        Assert.False(AccessCheck.IsAllowed(BlobDataRole.Contributor, alwaysTrue, BlobRequest.DeleteVersion("c", "p")));
        Assert.True(AccessCheck.IsAllowed(BlobDataRole.Owner, alwaysTrue, BlobRequest.DeleteVersion("c", "p")));
    }

    private static BlobRequest Request(string text)
    {
        var parts = text.Split(' ');
        if (parts[0] == "list")
        {
            return BlobRequest.List(parts[1], parts[2] == "(none)" ? null : parts[2]);
        }

        var slash = parts[1].IndexOf('/', StringComparison.Ordinal);
        var (container, path) = (parts[1][..slash], parts[1][(slash + 1)..]);
        return parts[0] == "read" ? BlobRequest.Read(container, path) : BlobRequest.Write(container, path);
    }
}

using Azure.Data.Tables;
using SpineMetsRegistry.Storage.Tables;

namespace SpineMetsRegistry.Storage.Tests.Tables;

public sealed class EntityLimitsTests
{
    [Fact]
    public void StorageBytes_KnownEntity_MatchesTheServiceFormula()
    {
        // 4 + 2*(2+3) keys; "Name": 8+8+(4+2*5); "Count": 8+10+4; "Total": 8+10+8; "At": 8+4+8.
        var entity = new TableEntity("pk", "row") { ["Name"] = "hello", ["Count"] = 3, ["Total"] = 4L, ["At"] = DateTimeOffset.UnixEpoch };

        Assert.Equal(14 + 30 + 22 + 26 + 20, EntityLimits.StorageBytes(entity));
    }

    [Fact]
    public void Check_252CustomProperties_Accepted()
    {
        var entity = Wide(252);

        EntityLimits.Check("t", entity);
    }

    [Fact]
    public void Check_253CustomProperties_RejectedWithCount()
    {
        var error = Assert.Throws<TableEntityLimitException>(() => EntityLimits.Check("visits", Wide(253)));

        Assert.Equal("Cannot write entity (PartitionKey 'S01', RowKey 'S01-0001|6w') to table 'visits': it has 253 properties; an entity holds at most 252. Nothing was written.", error.Message);
    }

    [Fact]
    public void Check_StringOverSixtyFourKibibytes_Rejected()
    {
        var entity = new TableEntity("p", "r") { ["v_comment"] = new string('x', 32 * 1024 + 1) };

        var error = Assert.Throws<TableEntityLimitException>(() => EntityLimits.Check("visits", entity));

        Assert.Contains("property 'v_comment' holds 32769 characters", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("v_field code")]
    [InlineData("9lives")]
    [InlineData("v_naïve")]
    public void Check_PropertyNameNotAnIdentifier_Rejected(string name)
    {
        var entity = new TableEntity("p", "r") { [name] = "x" };

        Assert.Throws<TableEntityLimitException>(() => EntityLimits.Check("visits", entity));
    }

    private static TableEntity Wide(int properties)
    {
        var entity = new TableEntity("S01", "S01-0001|6w");
        for (var i = 0; i < properties; i++)
        {
            entity[$"v_item_{i:D3}"] = "1";
        }

        return entity;
    }
}

using Azure.Data.Tables;
using SpineMetsRegistry.Storage.Tables;

namespace SpineMetsRegistry.Storage.Tests.Tables;

public sealed class TransactionChunkerTests
{
    [Theory]
    [InlineData(1, new[] { 1 })]
    [InlineData(100, new[] { 100 })]
    [InlineData(101, new[] { 100, 1 })]
    [InlineData(250, new[] { 100, 100, 50 })]
    public void Chunk_OnePartition_AtMostHundredPerTransaction(int count, int[] expected)
    {
        var chunks = TransactionChunker.Chunk(Enumerable.Range(0, count).Select(i => Upsert("p", $"r{i:D4}")));

        Assert.Equal(expected, chunks.Select(c => c.Count));
    }

    [Fact]
    public void Chunk_SeveralPartitions_NeverMixesPartitionsAndKeepsOrder()
    {
        var actions = Enumerable.Range(0, 30).Select(i => Upsert(i % 3 == 0 ? "a" : "b", $"r{i:D2}")).ToList();

        var chunks = TransactionChunker.Chunk(actions);

        Assert.Equal(2, chunks.Count);
        Assert.All(chunks, c => Assert.Single(c.Select(a => a.Entity.PartitionKey).Distinct()));
        Assert.Equal(actions.Where(a => a.Entity.PartitionKey == "b").Select(a => a.Entity.RowKey), chunks[1].Select(a => a.Entity.RowKey));
    }

    [Fact]
    public void Chunk_SameEntityTwice_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => TransactionChunker.Chunk([Upsert("p", "r1"), Upsert("p", "r2"), Upsert("p", "r1")]));

        Assert.Contains("RowKey 'r1'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Chunk_LargeEntities_SplitBeforeTheRequestSizeLimit()
    {
        // Each entity carries about 900 KB of text: four fit under the budget, not five.
        var actions = Enumerable.Range(0, 10).Select(i =>
        {
            var action = Upsert("p", $"r{i}");
            for (var part = 0; part < 30; part++)
            {
                ((TableEntity)action.Entity)[$"text{part}"] = new string('x', 30_000);
            }

            return action;
        }).ToList();

        var chunks = TransactionChunker.Chunk(actions);

        Assert.Equal([4, 4, 2], chunks.Select(c => c.Count));
        Assert.All(chunks, c => Assert.True(c.Sum(a => EntityLimits.PayloadBytes(a.Entity)) <= TransactionChunker.MaxPayloadBytes));
    }

    private static TableTransactionAction Upsert(string partition, string row) =>
        new(TableTransactionActionType.UpsertReplace, new TableEntity(partition, row) { ["Value"] = "v" });
}

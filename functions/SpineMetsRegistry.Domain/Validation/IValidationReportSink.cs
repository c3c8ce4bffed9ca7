namespace SpineMetsRegistry.Domain.Validation;

/// <summary>Where the problems of a batch go as they are found (streamed: a report never has to fit in memory).</summary>
public interface IValidationReportSink
{
    /// <summary>Receives one problem.</summary>
    ValueTask AddAsync(ValidationProblem problem, CancellationToken cancellationToken = default);
}

/// <summary>Keeps problems in memory, up to a cap (for tests, small batches and previews).</summary>
public sealed class CollectingReportSink(int capacity = int.MaxValue) : IValidationReportSink
{
    private readonly List<ValidationProblem> _problems = [];

    /// <summary>The problems kept, in the order found.</summary>
    public IReadOnlyList<ValidationProblem> Problems => _problems;

    /// <summary>How many problems arrived beyond the capacity.</summary>
    public int Dropped { get; private set; }

    /// <inheritdoc />
    public ValueTask AddAsync(ValidationProblem problem, CancellationToken cancellationToken = default)
    {
        if (_problems.Count < capacity)
        {
            _problems.Add(problem);
        }
        else
        {
            Dropped++;
        }

        return ValueTask.CompletedTask;
    }
}

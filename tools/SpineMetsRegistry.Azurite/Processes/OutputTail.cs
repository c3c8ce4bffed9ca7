namespace SpineMetsRegistry.Azurite.Processes;

/// <summary>
/// The last lines a child process wrote, kept so an error message can show why it failed
/// without holding an unbounded log in memory. Safe to append from the output-reader threads.
/// </summary>
internal sealed class OutputTail(int capacity = 40)
{
    private readonly Queue<string> _lines = new();
    private readonly Lock _gate = new();

    public void Add(string line)
    {
        lock (_gate)
        {
            if (_lines.Count == capacity)
            {
                _lines.Dequeue();
            }

            _lines.Enqueue(line);
        }
    }

    public override string ToString()
    {
        lock (_gate)
        {
            return _lines.Count == 0 ? "(no output)" : string.Join(Environment.NewLine, _lines);
        }
    }
}

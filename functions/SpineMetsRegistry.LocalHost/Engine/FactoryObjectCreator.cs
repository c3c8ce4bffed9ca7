using DurableTask.Core;

namespace SpineMetsRegistry.LocalHost.Engine;

/// <summary>
/// A DTFx object creator that makes a fresh object per work item (shim orchestrations hold
/// the state of one execution). DTFx matches on <see cref="ObjectCreator{T}.Name"/> and
/// <see cref="ObjectCreator{T}.Version"/>: both must be set, or nothing ever runs.
/// </summary>
internal sealed class FactoryObjectCreator<T> : ObjectCreator<T>
{
    private readonly Func<T> _create;

    public FactoryObjectCreator(string name, Func<T> create)
    {
        Name = name;
        Version = string.Empty;
        _create = create;
    }

    public override T Create() => _create();
}

namespace SpineMetsRegistry.LocalHost.Engine;

/// <summary>
/// Told before and after every activity the local engine runs. None is registered in normal
/// use; recovery tests register one that stops a host at a chosen activity boundary.
/// </summary>
public interface IActivityObserver
{
    /// <summary>Before the activity's code runs.</summary>
    Task BeforeAsync(string activityName);

    /// <summary>After it returned, before the engine records its result.</summary>
    Task AfterAsync(string activityName);
}

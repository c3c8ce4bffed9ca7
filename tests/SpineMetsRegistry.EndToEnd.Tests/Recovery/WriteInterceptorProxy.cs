using System.Reflection;
using System.Runtime.ExceptionServices;

namespace SpineMetsRegistry.EndToEnd.Tests.Recovery;

/// <summary>The proxy <see cref="WriteInterceptor"/> creates (public and unsealed, as DispatchProxy requires).</summary>
public class WriteInterceptorProxy<TPort> : DispatchProxy
    where TPort : class
{
    private TPort _target = null!;
    private CrashPlan _plan = null!;

    internal void Attach(TPort target, CrashPlan plan)
    {
        _target = target;
        _plan = plan;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        if (WriteInterceptor.WriteMethods.Contains(targetMethod.Name))
        {
            _plan.BeforeWrite($"{typeof(TPort).Name}.{targetMethod.Name}");
        }

        try
        {
            return targetMethod.Invoke(_target, args);
        }
        catch (TargetInvocationException invocation) when (invocation.InnerException is not null)
        {
            ExceptionDispatchInfo.Capture(invocation.InnerException).Throw();
            throw;
        }
    }
}

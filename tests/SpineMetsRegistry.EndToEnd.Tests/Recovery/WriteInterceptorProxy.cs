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
        if (WriteInterceptor.WriteMethods.Contains(targetMethod.Name) && _plan.BeforeWrite($"{typeof(TPort).Name}.{targetMethod.Name}") is { } frozen)
        {
            return Never(targetMethod.ReturnType, frozen);
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

    // A write the dead host never finishes, typed as the method returns it.
    private static object Never(Type returnType, Task frozen)
    {
        if (returnType == typeof(Task))
        {
            return frozen;
        }

        if (returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(Task<>))
        {
            var source = Activator.CreateInstance(typeof(TaskCompletionSource<>).MakeGenericType(returnType.GetGenericArguments()[0]))!;
            return source.GetType().GetProperty(nameof(TaskCompletionSource<object>.Task))!.GetValue(source)!;
        }

        throw new NotSupportedException($"A write returning {returnType.Name} cannot be frozen.");
    }
}

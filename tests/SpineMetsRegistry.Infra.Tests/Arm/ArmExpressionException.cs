namespace SpineMetsRegistry.Infra.Tests.Arm;

/// <summary>An ARM expression the evaluator cannot read (unknown function or bad syntax).</summary>
public sealed class ArmExpressionException(string message) : Exception(message);

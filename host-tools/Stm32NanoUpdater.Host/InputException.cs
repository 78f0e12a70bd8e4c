namespace Stm32NanoUpdater.Host;

/// <summary>
/// Bad input from the user: a missing file, a key of the wrong kind, an option out of range. The message is one line
/// that says what is wrong and, where it helps, what to do; the CLI prints it and exits with code 2.
/// </summary>
public sealed class InputException(string message) : Exception(message);

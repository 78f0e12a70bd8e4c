#nullable enable
using System;

namespace nanoFramework.TestFramework
{
    /// <summary>
    /// nanoFramework.TestFramework's Assert for the 1.x line (Assert.NoGenerics*.cs upstream): one AreEqual overload per
    /// primitive type plus object, so overload resolution in the test sources is the same as on the board.
    /// </summary>
    public sealed class Assert
    {
        private Assert()
        {
        }

        public static void AreEqual(bool expected, bool actual, string message = "") => Equal(expected, actual, message);
        public static void AreEqual(byte expected, byte actual, string message = "") => Equal(expected, actual, message);
        public static void AreEqual(char expected, char actual, string message = "") => Equal(expected, actual, message);
        public static void AreEqual(DateTime expected, DateTime actual, string message = "") => Equal(expected, actual, message);
        public static void AreEqual(double expected, double actual, string message = "") => Equal(expected, actual, message);
        public static void AreEqual(float expected, float actual, string message = "") => Equal(expected, actual, message);
        public static void AreEqual(int expected, int actual, string message = "") => Equal(expected, actual, message);
        public static void AreEqual(long expected, long actual, string message = "") => Equal(expected, actual, message);
        public static void AreEqual(object? expected, object? actual, string message = "") => Equal(expected, actual, message);
        public static void AreEqual(sbyte expected, sbyte actual, string message = "") => Equal(expected, actual, message);
        public static void AreEqual(short expected, short actual, string message = "") => Equal(expected, actual, message);
        public static void AreEqual(string? expected, string? actual, string message = "") => Equal(expected, actual, message);
        public static void AreEqual(uint expected, uint actual, string message = "") => Equal(expected, actual, message);
        public static void AreEqual(ulong expected, ulong actual, string message = "") => Equal(expected, actual, message);
        public static void AreEqual(ushort expected, ushort actual, string message = "") => Equal(expected, actual, message);

        public static void AreNotEqual(int notExpected, int actual, string message = "") => NotEqual(notExpected, actual, message);
        public static void AreNotEqual(object? notExpected, object? actual, string message = "") => NotEqual(notExpected, actual, message);

        public static void IsTrue(bool condition, string message = "")
        {
            if (!condition)
            {
                Fail("Assert.IsTrue", message);
            }
        }

        public static void IsFalse(bool condition, string message = "")
        {
            if (condition)
            {
                Fail("Assert.IsFalse", message);
            }
        }

        public static void IsNull(object? value, string message = "")
        {
            if (value is not null)
            {
                Fail("Assert.IsNull", message);
            }
        }

        public static void IsNotNull(object? value, string message = "")
        {
            if (value is null)
            {
                Fail("Assert.IsNotNull", message);
            }
        }

        /// <summary>Passes only if the action throws exactly <paramref name="exception"/> (not a derived type), as upstream.</summary>
        public static void ThrowsException(Type exception, Action action, string message = "")
        {
            try
            {
                action();
            }
            catch (Exception e)
            {
                if (e.GetType() != exception)
                {
                    Fail("Assert.ThrowsException", $"Expected {exception.Name}, got {e.GetType().Name}: {e.Message}. {message}");
                }

                return;
            }

            Fail("Assert.ThrowsException", $"Expected {exception.Name}, nothing was thrown. {message}");
        }

        internal static void Fail(string assertion, string message) =>
            throw new AssertFailedException($"{assertion} failed. {message}");

        private static void Equal(object? expected, object? actual, string message)
        {
            if (!Equals(expected, actual))
            {
                Fail("Assert.AreEqual", $"Expected:<{expected ?? "(null)"}>. Actual:<{actual ?? "(null)"}>. {message}");
            }
        }

        private static void NotEqual(object? notExpected, object? actual, string message)
        {
            if (Equals(notExpected, actual))
            {
                Fail("Assert.AreNotEqual", $"Both are <{actual ?? "(null)"}>. {message}");
            }
        }
    }
}

using Microsoft.CodeAnalysis;
using Xunit;

namespace Stm32NanoUpdater.Analyzers.Tests;

/// <summary>Each rule fires on a snippet that breaks it, and no rule fires on code the device may use.</summary>
public class DeviceRuleTests
{
    [Theory]
    [InlineData("NF0001", "class Box<T> { }")]
    [InlineData("NF0001", "class C { void M<T>(T value) { } }")]
    [InlineData("NF0001", "delegate void Handler<T>(T value);")]
    [InlineData("NF0002", "class C { object M() => new System.Collections.ArrayList().ToArray(typeof(int)).Clone(); object N() => System.Array.Empty<int>(); }")]
    [InlineData("NF0002", "class C { int M(int[] values) => System.Array.IndexOf(values, 3); }")]
    [InlineData("NF0002", "class C { void M(System.Func<int> f) { } void N() => M(() => 1); }")]
    [InlineData("NF0002", "class C { System.Collections.Generic.List<int> items; }")]
    [InlineData("NF0003", "class C { async void M() { } }")]
    [InlineData("NF0003", "class C { async System.Threading.Tasks.Task M() { await System.Threading.Tasks.Task.Yield(); } }")]
    [InlineData("NF0004", "class C { (int, int) M() => (1, 2); }")]
    [InlineData("NF0004", "class C { void M() { var (a, b) = (1, 2); } }")]
    [InlineData("NF0005", "record Point(int X, int Y);")]
    [InlineData("NF0005", "record Point(int X) { } class C { Point M(Point p) => p with { X = 2 }; }")]
    [InlineData("NF0006", "class C { int? value; int M() => value ?? 0; }")]
    [InlineData("NF0007", "using System.Linq; class C { object M(int[] a) => from x in a select x; }")]
    [InlineData("NF0008", "class C { int M() { System.Span<byte> b = stackalloc byte[4]; return b.Length; } }")]
    [InlineData("NF0009", "class C { System.Collections.IEnumerable M() { yield return 1; } }")]
    [InlineData("NF0010", "class C { object M(object o) { dynamic d = o; return d; } }")]
    [InlineData("NF0011", "class C { int M(int[] a) => a[^1]; }")]
    [InlineData("NF0011", "class C { string M(string s) => s[1..2]; }")]
    [InlineData("NF0012", "interface I { int M() => 1; }")]
    [InlineData("NF0012", "interface I { int P { get { return 1; } } }")]
    public void TheRuleFires(string rule, string source)
    {
        Assert.Contains(SnippetAnalysis.Analyze(source), d => d.Id == rule && d.Severity == DiagnosticSeverity.Error);
    }

    [Theory]
    [InlineData("class C { int M() => new System.Collections.Generic.List<int>().Count; }")]
    [InlineData("class C { int M() => System.Linq.Enumerable.Count(new int[0]); }")]
    [InlineData("class C { void M(byte[] a, byte[] b) => System.Buffer.BlockCopy(a, 0, b, 0, 1); }")]
    [InlineData("class C { string M(byte[] a) => System.Convert.ToHexString(a); }")]
    [InlineData("class C { int M() => System.Environment.ProcessorCount; }")]
    [InlineData("class C { byte[] M(byte[] a) => System.Security.Cryptography.SHA256.HashData(a); }")]
    [InlineData("class C { uint M(byte[] a) => System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(a); }")]
    [InlineData("class C { void M(System.Array a) => System.Array.Clear(a); }")]
    public void BannedApisAreReported(string source)
    {
        Assert.Contains(SnippetAnalysis.Analyze(source), d => d.Id == "RS0030");
    }

    [Fact]
    public void NothingFiresOnCodeTheDeviceMayUse()
    {
        const string source = """
            using System;
            using System.Collections;

            namespace Device
            {
                public delegate void ChunkHandler(byte[] buffer, int offset, int count);

                public interface IFlash
                {
                    void Read(int position, byte[] buffer, int offset, int count);
                    int Size { get; }
                }

                public enum State { Idle = 0, Busy = 1 }

                public sealed class Sample : IFlash
                {
                    private readonly ArrayList _items = new ArrayList();
                    private string _name;

                    public int Size => _items.Count;

                    public void Read(int position, byte[] buffer, int offset, int count)
                    {
                        Array.Copy(buffer, offset, buffer, position, count);
                        Array.Clear(buffer, 0, buffer.Length);
                    }

                    public string Describe(object value, State state)
                    {
                        int await = 1;
                        int async = 2;
                        string text = value switch
                        {
                            int i when i > 0 => "positive " + i.ToString(),
                            string s => s,
                            null => "none",
                            _ => value.ToString(),
                        };
                        ChunkHandler handler = (b, o, c) => _name = text + c.ToString();
                        handler(new byte[1], 0, 1);
                        foreach (object item in _items)
                        {
                            text += item is null ? string.Empty : item.ToString();
                        }

                        return Local(text) + (await + async).ToString() + ((int)state).ToString();

                        static string Local(string t) => t.Length > 2 ? t.Substring(0, 2) : t;
                    }

                    public static uint ReadUInt32(byte[] bytes, int offset) =>
                        (uint)(bytes[offset] | bytes[offset + 1] << 8 | bytes[offset + 2] << 16 | bytes[offset + 3] << 24);

                    public static int Run()
                    {
                        int[] values = new int[] { 3, 1, 2 };
                        try
                        {
                            return new Sample().Describe(values[0], State.Busy).Length;
                        }
                        catch (ArgumentException)
                        {
                            return -1;
                        }
                    }
                }
            }
            """;
        Assert.Empty(SnippetAnalysis.Analyze(source));
    }
}

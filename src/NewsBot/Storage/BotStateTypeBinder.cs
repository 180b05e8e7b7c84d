using System.Reflection;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace NewsBot.Storage;

/// <summary>
/// Which types bot state may name in <c>$type</c>. State is stored with full type names (as the SDK's
/// MemoryStorage does, so BotState's dictionaries round-trip), and a type name read back is an instruction
/// to create that type: only System.*, Microsoft.Bot.* and NewsBot.* types are created, System types only
/// from the core library and collections (not, say, System.Data's DataSet), and no delegates. The assembly
/// of every name, generic arguments included, is checked before it is loaded. Writing a type that could not
/// be read back (an anonymous type, a type from another library) fails at once.
/// </summary>
internal sealed class BotStateTypeBinder : ISerializationBinder
{
    private static readonly string[] Namespaces = ["System", "Microsoft.Bot", "NewsBot"];

    private static readonly HashSet<string> SystemAssemblies = new(StringComparer.Ordinal)
    {
        "System.Private.CoreLib", "mscorlib", "netstandard", "System.Runtime", "System.Collections",
        "System.Collections.Concurrent", "System.ObjectModel", "System.Private.Uri",
    };

    public Type BindToType(string? assemblyName, string typeName)
    {
        var name = assemblyName is null ? typeName : $"{typeName}, {assemblyName}";
        var type = Type.GetType(name, ResolveAssembly, ResolveType, throwOnError: false);
        if (type is null || !IsAllowed(type))
        {
            throw new JsonSerializationException($"Bot state names the type '{name}', which is not allowed (only System, Microsoft.Bot and NewsBot types).");
        }

        return type;
    }

    public void BindToName(Type serializedType, out string? assemblyName, out string? typeName)
    {
        ArgumentNullException.ThrowIfNull(serializedType);
        if (!IsAllowed(serializedType))
        {
            throw new JsonSerializationException($"Bot state cannot hold a {serializedType}: only System, Microsoft.Bot and NewsBot types can be read back.");
        }

        assemblyName = serializedType.Assembly.FullName;
        typeName = serializedType.FullName;
    }

    internal static bool IsAllowed(Type type)
    {
        if (type.HasElementType)
        {
            return IsAllowed(type.GetElementType()!);
        }

        if (type.IsGenericType && !type.IsGenericTypeDefinition)
        {
            return IsAllowed(type.GetGenericTypeDefinition()) && type.GetGenericArguments().All(IsAllowed);
        }

        return !typeof(Delegate).IsAssignableFrom(type)
            && IsAllowedNamespace(type.Namespace)
            && IsAllowedAssembly(type.Assembly.GetName().Name);
    }

    private static bool IsAllowedNamespace(string? name) =>
        name is not null && Namespaces.Any(allowed => name == allowed || name.StartsWith(allowed + ".", StringComparison.Ordinal));

    private static bool IsAllowedAssembly(string? name) =>
        name is not null
        && (SystemAssemblies.Contains(name)
            || name.StartsWith("Microsoft.Bot.", StringComparison.Ordinal)
            || name == "NewsBot"
            || name.StartsWith("NewsBot.", StringComparison.Ordinal));

    private static Assembly? ResolveAssembly(AssemblyName name) => IsAllowedAssembly(name.Name) ? Assembly.Load(name) : null;

    private static Type? ResolveType(Assembly? assembly, string name, bool ignoreCase) =>
        assembly?.GetType(name, throwOnError: false, ignoreCase) ?? (IsAllowedNamespace(NamespaceOf(name)) ? Type.GetType(name, throwOnError: false, ignoreCase) : null);

    /// <summary>"System.Collections.Generic.List`1" → "System.Collections.Generic" (nested types: of the outer type).</summary>
    private static string? NamespaceOf(string typeName)
    {
        var outer = typeName.Split('+')[0];
        var dot = outer.LastIndexOf('.');
        return dot < 0 ? null : outer[..dot];
    }
}

using System.Reflection;

namespace LtcInsurance.Architecture.Tests;

/// <summary>
/// The types a type uses in its signatures and method bodies' local variables: base type, interfaces, fields,
/// properties (incl. [Inject] ones of Razor components), method parameters and returns, locals, generic arguments,
/// and the same for its compiler-generated nested types (lambdas, async state machines).
/// </summary>
internal static class TypeReferences
{
    private const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance
                                     | BindingFlags.Static | BindingFlags.DeclaredOnly;

    public static IEnumerable<Type> Of(Type type)
    {
        var seen = new HashSet<Type>();
        foreach (var t in Used(type))
            foreach (var expanded in Expand(t, seen))
                yield return expanded;
    }

    private static IEnumerable<Type> Used(Type type)
    {
        if (type.BaseType is not null)
            yield return type.BaseType;
        foreach (var i in type.GetInterfaces())
            yield return i;
        foreach (var field in type.GetFields(All))
            yield return field.FieldType;
        foreach (var property in type.GetProperties(All))
            yield return property.PropertyType;
        foreach (var method in type.GetMethods(All).Cast<MethodBase>().Concat(type.GetConstructors(All)))
        {
            if (method is MethodInfo info)
                yield return info.ReturnType;
            foreach (var parameter in method.GetParameters())
                yield return parameter.ParameterType;
            IList<LocalVariableInfo>? locals = null;
            try
            {
                locals = method.GetMethodBody()?.LocalVariables;
            }
            catch (BadImageFormatException)
            {
            }

            foreach (var local in locals ?? [])
                yield return local.LocalType;
        }

        foreach (var nested in type.GetNestedTypes(All))
            foreach (var used in Used(nested))
                yield return used;
    }

    private static IEnumerable<Type> Expand(Type type, HashSet<Type> seen)
    {
        if (!seen.Add(type))
            yield break;
        yield return type;
        if (type.HasElementType && type.GetElementType() is { } element)
            foreach (var t in Expand(element, seen))
                yield return t;
        if (type.IsGenericType)
            foreach (var argument in type.GetGenericArguments())
                foreach (var t in Expand(argument, seen))
                    yield return t;
    }
}

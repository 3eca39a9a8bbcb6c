using System.Reflection;
using System.Reflection.Emit;

namespace Engine.Reflection;

/// <summary>
/// Calls one specific property getter, not the override that virtual dispatch would pick: how Base() and Inherit
/// reach the definition a build overrides (C# has no base call for a default interface member).
/// </summary>
internal static class NonVirtualCall
{
    public static object? Get(MethodInfo getter, object instance)
    {
        var method = new DynamicMethod($"nonvirtual_{getter.Name}", typeof(object), [typeof(object)], typeof(NonVirtualCall).Module, skipVisibility: true);
        var il = method.GetILGenerator();
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Castclass, getter.DeclaringType!);
        il.Emit(OpCodes.Call, getter); // call, not callvirt: this getter's body, whatever overrides it
        if (getter.ReturnType.IsValueType)
            il.Emit(OpCodes.Box, getter.ReturnType);
        il.Emit(OpCodes.Ret);
        return method.Invoke(null, [instance]);
    }
}

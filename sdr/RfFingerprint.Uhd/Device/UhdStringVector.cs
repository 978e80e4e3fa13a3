using RfFingerprint.Uhd.Native;

namespace RfFingerprint.Uhd.Device;

/// <summary>Copies a native <c>uhd_string_vector_handle</c> into managed strings.</summary>
internal static unsafe class UhdStringVector
{
    public static string[] Read(UhdLibrary library, nint vector)
    {
        nuint count = 0;
        library.Check(library.Api.StringVectorSize(vector, &count), "uhd_string_vector_size");
        var items = new string[(int)count];
        byte* buffer = stackalloc byte[NativeText.BufferBytes];
        for (int i = 0; i < items.Length; i++)
        {
            buffer[0] = 0;
            buffer[NativeText.BufferBytes - 1] = 0;
            library.Check(library.Api.StringVectorAt(vector, (nuint)i, buffer, NativeText.GetterLength), "uhd_string_vector_at");
            items[i] = NativeText.FromBuffer(buffer);
        }

        return items;
    }
}

# Kernels: the cpu backend's elementwise loops (softmax, activations,
# norms) are written to auto-vectorise. -O3 enables that in GCC and
# -fno-trapping-math lets it if-convert the branch-free clamps (we never rely
# on floating-point exception flags); -fno-math-errno lets sqrt inline.
# No -ffast-math: summation order and NaN/Inf semantics stay as written.
target_compile_options(f5_kernels PRIVATE $<$<AND:$<CONFIG:Release>,$<COMPILE_LANGUAGE:C>>:-O3>
                       $<$<COMPILE_LANGUAGE:C>:-fno-trapping-math> $<$<COMPILE_LANGUAGE:C>:-fno-math-errno>)

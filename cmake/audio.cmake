# Audio + Vocos: FFTW (single precision) with its threads library, whose
# fftwf_make_planner_thread_safe() makes plan creation safe from any thread.
# Vocos (src/model) needs FFTW for its ISTFT.
find_library(FFTW3F_THREADS_LIB fftw3f_threads REQUIRED)
target_link_libraries(f5_modelio PUBLIC ${FFTW3F_THREADS_LIB} PkgConfig::FFTW3F Threads::Threads)
target_link_libraries(f5_audio PUBLIC ${FFTW3F_THREADS_LIB} PkgConfig::FFTW3F)
target_link_libraries(f5tts PRIVATE ${FFTW3F_THREADS_LIB})
# Vorbis is decoded with libvorbisfile directly (libsndfile's path leaks on corrupt headers).
pkg_check_modules(VORBISFILE REQUIRED IMPORTED_TARGET vorbisfile)
target_link_libraries(f5_audio PUBLIC PkgConfig::VORBISFILE)
target_link_libraries(f5tts PRIVATE PkgConfig::VORBISFILE)

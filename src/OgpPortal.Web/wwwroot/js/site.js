// Site-wide scripts. Pages work without JavaScript; scripts only enhance them.

window.imageLazyLoadSetting = window.imageLazyLoadSetting || {
    isSPA: false,
    preloadRatio: 1,
    processImages: null,
};
